import { DataSource } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { canonicalDecimal } from "../../entities/columns";
import { AttainmentService } from "../attainment/attainment-service";
import { invalidInput, notFound } from "../errors";
import { computeCycleEligibility, EligibilityRow } from "./cycle-eligibility";

const COLUMNS = [
  "matricola",
  "nome",
  "categoria",
  "anno",
  "stato",
  "solidali_raggiunti",
  "punteggio_unita",
  "punteggio_individuale",
  "punteggio_complessivo",
  "quota_erogabile",
  "giorni",
  "versione_regole",
];

/** Six decimals, then the Italian decimal comma: the same text from either database. */
const number = (value: string | number | null) =>
  value === null ? "" : canonicalDecimal(typeof value === "number" ? value.toFixed(6) : value).replace(".", ",");

function line(values: string[]): string {
  return values.map((v) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(";");
}

/** Frozen figures as they were stored when the cycle closed. */
export function frozenRows(snapshot: CycleSnapshot, rows: FrozenEligibility[]): string[][] {
  return rows.map((r) => [
    r.employeeCode,
    r.employeeName,
    r.category,
    String(snapshot.year),
    r.status,
    r.gateOpen ? "SI" : "NO",
    number(r.unitScore),
    number(r.individualScore),
    number(r.composite),
    number(r.payableShare),
    number(r.days),
    String(snapshot.ruleSetVersion),
  ]);
}

function liveRows(year: number, rows: EligibilityRow[]): string[][] {
  return rows.map((r) => [
    r.employee.code,
    r.employee.name,
    r.employee.category,
    String(year),
    r.status,
    r.gateOpen ? "SI" : "NO",
    number(r.unitScore),
    number(r.individualScore),
    number(r.composite),
    number(r.payableShare),
    number(r.days),
    String(r.ruleSetVersion),
  ]);
}

/**
 * The payroll file of a year: `;`-separated, decimal commas, UTF-8 with a byte-order mark and CRLF
 * lines, as a spreadsheet in Italian locale opens it. Refused until the Nucleo validated the year
 * (D.Lgs. 150/2009 art. 14 c.6). From a closed cycle it is the frozen snapshot, byte for byte.
 */
export async function payrollCsv(dataSource: DataSource, attainment: AttainmentService, year: number): Promise<string> {
  const cycle = await dataSource.manager.findOneBy(EvaluationCycle, { year });
  if (!cycle) throw notFound(`The evaluation cycle of ${year}`);
  let body: string[][];
  if (cycle.status === CycleStatus.CLOSED) {
    const snapshot = await dataSource.manager.findOne(CycleSnapshot, {
      where: { year },
      order: { takenAt: "DESC", id: "DESC" },
    });
    if (!snapshot) throw notFound(`The snapshot of the closed cycle ${year}`);
    body = frozenRows(
      snapshot,
      await dataSource.manager.find(FrozenEligibility, {
        where: { snapshotId: snapshot.id },
        order: { employeeCode: "ASC" },
      }),
    );
  } else if (cycle.status === CycleStatus.VALIDATED) {
    body = liveRows(year, (await computeCycleEligibility(dataSource, attainment.afresh(), year)).rows);
  } else {
    throw invalidInput(
      "year",
      `${year} is ${cycle.status}: the payroll export waits for the Nucleo di Valutazione to validate the year`,
    );
  }
  return `\uFEFF${[COLUMNS, ...body].map(line).join("\r\n")}\r\n`;
}
