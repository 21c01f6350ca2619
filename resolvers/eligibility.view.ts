import { Employee } from "../entities/employee.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { EligibilityRow, YearEligibility } from "../src/incentives/cycle-eligibility";
import { differentiationOutcomes, TIE_RULE } from "../src/incentives/differentiation";
import { evaluatedOf, evaluationDistribution } from "../src/incentives/evaluation-distribution";
import { eurosOf } from "../src/incentives/fund";
import { fundOutcomes } from "../src/incentives/fund-outcome";
import { inItalian } from "../src/incentives/reasons";
import { ENUM_LABELS } from "../src/enum-labels";
import { italianDate, italianDecimal, italianNumber } from "../src/italian-format";
import { EligibilityReport, EligibilityView } from "./types/eligibility.types";

const f = (n: number | null) => (n === null ? "—" : italianNumber(n));

const CATEGORY: Record<string, string> = ENUM_LABELS.StaffCategory;

function explain(year: YearEligibility, row: EligibilityRow): string[] {
  const fund = year.rules.funds?.[row.category];
  return [
    ...row.inputs.assignments.map(
      (a) =>
        `dal ${italianDate(a.from)} al ${italianDate(a.to)} in ${a.unitCode}${a.scoredAs && a.scoredAs !== a.unitCode ? ` (valutata come ${a.scoredAs})` : ""}: ${a.days} giorni al ${f(a.share * 100)}% del tempo pieno, punteggio dell'unità ${f(a.unitScore)}`,
    ),
    `punteggio dell'unità ${f(row.unitScore)} (ponderato sui giorni), valutazione individuale ${row.individualScore ?? "—"}`,
    row.status === "INCOMPLETE"
      ? `incompleta: ${row.reasons.map(inItalian).join("; ")}`
      : `punteggio complessivo ${f(row.composite)} con i pesi della categoria ${CATEGORY[row.category]} delle regole versione ${year.ruleSetVersion}`,
    row.gateOpen === null
      ? "Obiettivi Solidali non ancora giudicati: ogni posizione resta incompleta finché non lo sono"
      : row.gateOpen
        ? "Obiettivi Solidali raggiunti: il premio di risultato è dovuto"
        : "Obiettivi Solidali non raggiunti: nulla è pagabile",
    `quota pagabile ${f(row.payableShare)} (soglia, poi in proporzione ai ${row.days} giorni)`,
    ...(row.art69Rank === null
      ? []
      : [`art. 69: posizione ${row.art69Rank} nella graduatoria di merito, maggiorazione ${f(row.maggiorazione)}`]),
    ...(row.amountCents === null || !fund
      ? []
      : [
          `importo € ${italianDecimal(eurosOf(row.amountCents))} dal fondo ${CATEGORY[row.category]} di € ${italianDecimal(fund.amount)} (${fund.actKey})`,
        ]),
  ];
}

/** A row as GraphQL shows it; a frozen row names the employee as frozen. */
export function eligibilityView(
  year: YearEligibility,
  row: EligibilityRow,
  unitsByCode: ReadonlyMap<string, OrgUnit>,
): EligibilityView {
  return {
    ...row,
    employee: Object.assign(new Employee(), row.employee),
    missing: row.reasons.length ? row.reasons.map(inItalian).join("; ") : null,
    amount: row.amountCents === null ? null : eurosOf(row.amountCents),
    ruleSetVersion: year.ruleSetVersion,
    provisional: year.provisional,
    explain: explain(year, row),
    assignments: row.inputs.assignments.map((a) => ({
      ...a,
      unit: unitsByCode.get(a.unitCode)!,
      scoredAs: a.scoredAs === null ? null : unitsByCode.get(a.scoredAs)!,
    })),
  };
}

/** The year at a glance for the Nucleo and payroll: the funds, art. 69, the evaluations' spread, and warnings. */
export function eligibilityReport(year: YearEligibility, unitsByCode: ReadonlyMap<string, OrgUnit>): EligibilityReport {
  const { rows } = year;
  const incomplete = rows.filter((r) => r.status === "INCOMPLETE");
  const funds = fundOutcomes(rows, year.rules);
  const evaluations = evaluationDistribution(evaluatedOf(rows));
  const warnings = [
    ...(year.gate.open === null
      ? [
          `The Solidale gate cannot be judged yet (${year.gate.incomplete.join(", ")} incomplete): every eligibility is INCOMPLETE, and the year cannot be validated until the Nucleo scores, overrides or decides on the gate`,
        ]
      : []),
    ...(incomplete.length ? [`${incomplete.length} eligibilities are INCOMPLETE and get no amount`] : []),
    ...funds
      .filter((fund) => fund.incomplete > 0 && fund.paidCents > 0)
      .map(
        (fund) =>
          `The ${fund.category} fund is split among the complete eligibilities only: complete the ${fund.incomplete} others before validation`,
      ),
    ...evaluations
      .filter((g) => g.evaluated > 1 && g.distinctScores === 1)
      .map(
        (g) =>
          `All ${g.evaluated} ${g.category} of ${g.unitCode} have the same evaluation (${g.topScore}): D.Lgs. 150/2009 art. 18 forbids spreading merit pay evenly`,
      ),
  ];
  return {
    year: year.year,
    provisional: year.provisional,
    ruleSetVersion: year.ruleSetVersion,
    gateOpen: year.gate.open,
    employees: new Set(rows.map((r) => r.employee.code)).size,
    eligibilities: rows.length,
    incomplete: incomplete.length,
    paid: rows.filter((r) => (r.payableShare ?? 0) > 0).length,
    funds: funds.map((fund) => ({
      ...fund,
      fund: eurosOf(fund.fundCents),
      paid: eurosOf(fund.paidCents),
      undistributed: eurosOf(fund.undistributedCents),
    })),
    differentiation: differentiationOutcomes(rows, year.rules.differentiation).map((d) => ({
      ...d,
      tieRule: TIE_RULE,
    })),
    evaluations: evaluations.map((g) => ({ ...g, unit: unitsByCode.get(g.unitCode)! })),
    warnings,
  };
}
