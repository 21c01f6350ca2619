import { DataSource, In } from "typeorm";
import { AppropriationBase } from "../../entities/appropriation-base.entity";
import { PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { valuesInForce } from "../measurement/write-measurements";
import { appropriationsInForce } from "./record-appropriations";
import { debtTest, DebtTest, DelayParts, provisionCents, provisionPercent } from "./fund-provision";
import { L145_KPI } from "./statutory-kpis";

/**
 * A year's L. 145/2018 figures, composed from the values the jobs stored for the year (and the
 * previous year's stock) and the appropriations a user recorded: the annual delay indicator, the
 * overdue stock at 31 December and its change, the debt test with the 5% exemption, the provision
 * band and amount for the Fondo di Garanzia Debiti Commerciali, the creditor firms. A figure that
 * lacks a part is null, and `missing` says in Italian what to do to have it.
 */
export interface LatePaymentFigures {
  year: number;
  /** The annual delay indicator's parts: paid (payment lines) plus unpaid at 31 December (snapshot). */
  delay: DelayParts | null;
  stockCents: number | null;
  previousStockCents: number | null;
  /** Invoices received in the year: paid on them in the year plus still owed on them at 31 December. */
  receivedCents: number | null;
  debtTest: DebtTest | null;
  creditorFirms: number | null;
  provisionPercent: number | null;
  appropriations: AppropriationBase | null;
  provisionCents: number | null;
  missing: string[];
}

/** Where each part comes from, for the missing figure's message. */
const PARTS: Record<string, { label: string; job: string }> = {
  [L145_KPI.paidDelay]: { label: "Ritardo delle fatture pagate", job: "payment-timeliness" },
  [L145_KPI.receivedPaid]: { label: "Pagato sulle fatture ricevute nell'anno", job: "payment-timeliness" },
  [L145_KPI.overdue]: { label: "Debito commerciale scaduto al 31 dicembre", job: "overdue-debt" },
  [L145_KPI.creditors]: { label: "Numero delle imprese creditrici", job: "overdue-debt" },
  [L145_KPI.unpaidDelay]: { label: "Ritardo delle fatture scadute e non pagate", job: "overdue-debt" },
  [L145_KPI.receivedUnpaid]: { label: "Da pagare sulle fatture ricevute nell'anno", job: "overdue-debt" },
};

/** "1234.5" → 123450: a stored amount in euros as cents, in integers. */
export function centsOf(euros: string): number {
  const [whole, fraction = ""] = euros.replace("-", "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  return euros.startsWith("-") ? -cents : cents;
}

export async function latePaymentFigures(dataSource: DataSource, year: number): Promise<LatePaymentFigures> {
  const kpis = await dataSource.manager.find(Kpi, { where: { code: In(Object.values(L145_KPI)) } });
  const inForce = await valuesInForce(
    dataSource.manager,
    kpis.map((k) => k.id),
    [year, year - 1],
  );
  // The parts missing for one cause (a job not run, a snapshot missing) are named in one message.
  const causes = new Map<string, string[]>();
  const valueOf = (code: string, of = year): Measurement | null => {
    const kpi = kpis.find((k) => k.code === code);
    const found = kpi ? inForce.get(kpi.id, { year: of, kind: PeriodKind.YEAR, index: 0 }, null) : null;
    if (found?.value != null || (found?.numerator != null && found.denominator != null)) return found;
    const { label, job } = PARTS[code];
    const cause = found
      ? `${of}|nessun valore (${found.reason ?? "il job non ne ha trovato"})`
      : `${of}|nessun valore; eseguire il job ${job} per l'anno ${of}`;
    causes.set(cause, [...(causes.get(cause) ?? []), label]);
    return null;
  };
  const amount = (code: string, of = year) => {
    const found = valueOf(code, of);
    return found?.value == null ? null : centsOf(found.value);
  };
  const parts = (code: string): DelayParts | null => {
    const found = valueOf(code);
    return found ? { numerator: Number(found.numerator), denominator: Number(found.denominator) } : null;
  };

  const paid = parts(L145_KPI.paidDelay);
  const unpaid = parts(L145_KPI.unpaidDelay);
  const delay =
    paid && unpaid
      ? { numerator: paid.numerator + unpaid.numerator, denominator: paid.denominator + unpaid.denominator }
      : null;
  const stockCents = amount(L145_KPI.overdue);
  const previousStockCents = amount(L145_KPI.overdue, year - 1);
  const receivedPaid = amount(L145_KPI.receivedPaid);
  const receivedUnpaid = amount(L145_KPI.receivedUnpaid);
  const receivedCents = receivedPaid === null || receivedUnpaid === null ? null : receivedPaid + receivedUnpaid;
  const test =
    stockCents === null || receivedCents === null ? null : debtTest(stockCents, previousStockCents, receivedCents);
  const creditors = valueOf(L145_KPI.creditors)?.value;
  // A failed debt test sets the band at 5% whatever the delay.
  const percent =
    test?.passed === false
      ? provisionPercent({ numerator: 0, denominator: 0 }, false)
      : test?.passed && delay
        ? provisionPercent(delay, true)
        : null;
  const appropriations = await appropriationsInForce(dataSource, year);
  const missing = [...causes].map(([key, labels]) => {
    const [of, cause] = key.split("|");
    return `${of}, ${labels.join(", ")}: ${cause}`;
  });
  if (!appropriations)
    missing.push(
      `Stanziamenti per beni e servizi ${year}: non registrati; registrarli con l'atto da cui vengono (recordAppropriations)`,
    );
  return {
    year,
    delay,
    stockCents,
    previousStockCents,
    receivedCents,
    debtTest: test,
    creditorFirms: creditors == null ? null : Number(creditors),
    provisionPercent: percent,
    appropriations,
    provisionCents:
      percent === null || !appropriations ? null : provisionCents(centsOf(appropriations.amount), percent),
    missing,
  };
}
