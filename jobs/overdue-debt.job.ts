import { PeriodKind } from "../entities/enums";
import { DisputeRule } from "./formulas/itp";
import { YearEndDebt } from "./formulas/late-payments";
import { ratioAsStoredDecimal } from "./formulas/exact-ratio";
import { OpenItem, OverdueDebtAccumulator } from "./formulas/overdue-debt";
import { todayInRome } from "../src/dates";
import { Period } from "../src/periods";
import { L145_KPI } from "../src/statutory/statutory-kpis";
import { amountCents, date, requiredText, RowProblem, text } from "../src/csv/fields";
import { dueDateFields } from "./invoice-fields";
import { JobDefinition, JobValue } from "./job";

/**
 * The residual overdue commercial debt from the accounting system's open-items snapshots (e.g. at
 * each quarter's end), one row per open invoice per snapshot.
 *
 * Fields: invoice_id; receipt_date; term_days (blank: 30); outstanding (euro still to pay, net of
 * split-payment VAT); snapshot_date; dispute_from; dispute_to; creditor_id (tax code or VAT
 * number of the creditor, for the count of creditor firms).
 *
 * A quarter's figure is its latest snapshot; a year's is the snapshot of 31 December (L. 145/2018),
 * with the creditor firms and the year's parts of the L. 145/2018 figures: none without it.
 */
export const DEBT_KPI = {
  overdue: L145_KPI.overdue,
  invoices: "SAL-FIN-FATTURE-SCADUTE",
  /** Years only, as the following. */
  creditors: L145_KPI.creditors,
  unpaidDelay: L145_KPI.unpaidDelay,
  receivedUnpaid: L145_KPI.receivedUnpaid,
};

const euro = (cents: number) => (cents / 100).toFixed(2);
const italianDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * `today`: the date in Milan a snapshot may not be after (a snapshot of a day still to come is a
 * wrong date, not a figure: its row is rejected).
 */
export function overdueDebtJob(
  disputeRule: DisputeRule = "RESTART",
  today: () => string = () => todayInRome(),
): JobDefinition<OpenItem> {
  // Asked again only for a snapshot after the day last known: a run may pass midnight.
  let knownToday = today();
  return {
    key: "overdue-debt",
    description:
      "Residual overdue commercial debt and overdue invoices at the latest snapshot of each quarter, and at 31 December for the year",
    dateField: "snapshot_date",
    periodKinds: [PeriodKind.QUARTER, PeriodKind.YEAR],

    parse(fields, warn) {
      const item: OpenItem = {
        invoiceId: requiredText(fields, "invoice_id"),
        receiptDate: date(fields, "receipt_date")!,
        outstandingCents: amountCents(fields, "outstanding"),
        snapshotDate: date(fields, "snapshot_date")!,
        creditorId: text(fields, "creditor_id"),
        ...dueDateFields(fields, warn),
      };
      if (item.outstandingCents < 0) throw new RowProblem("outstanding", "cannot be negative");
      if (item.snapshotDate > knownToday && item.snapshotDate > (knownToday = today()))
        throw new RowProblem("snapshot_date", `${item.snapshotDate} is in the future (today is ${knownToday})`);
      return item;
    },

    dateOf: (item) => item.snapshotDate,

    accumulator(period: Period) {
      const at = (
        kpiCode: string,
        value: string | null,
        parts: { numerator: number; denominator: number } | null = null,
        reason?: string,
      ): JobValue => ({
        kpiCode,
        period,
        unitCode: null,
        breakdown: null,
        value,
        numerator: parts && String(parts.numerator),
        denominator: parts && String(parts.denominator),
        ...(reason === undefined ? {} : { reason }),
      });
      if (period.kind === PeriodKind.YEAR) return yearAccumulator(period, disputeRule, at);
      const debt = new OverdueDebtAccumulator(disputeRule);
      return {
        add: (item: OpenItem) => debt.add(item),
        values(): JobValue[] {
          const latest = debt.latest();
          return [
            at(DEBT_KPI.overdue, latest === null ? null : euro(latest.overdueCents)),
            at(DEBT_KPI.invoices, latest === null ? null : String(latest.overdueInvoices)),
          ];
        },
      };
    },
  };
}

type At = (
  kpiCode: string,
  value: string | null,
  parts?: { numerator: number; denominator: number } | null,
  reason?: string,
) => JobValue;

/** The year's stock is that of 31 December: the latest snapshot of another day is not it (L. 145/2018 c. 859). */
function yearAccumulator(period: Period, disputeRule: DisputeRule, at: At) {
  const debt = new YearEndDebt(period.year, disputeRule);
  let latestSnapshot: string | null = null;
  return {
    add(item: OpenItem) {
      debt.add(item);
      if (latestSnapshot === null || item.snapshotDate > latestSnapshot) latestSnapshot = item.snapshotDate;
    },
    values(): JobValue[] {
      const year = debt.result();
      if (!year.found) {
        const reason = `manca la fotografia delle partite aperte al 31/12/${period.year} nella fonte${latestSnapshot ? ` (l'ultima letta è del ${italianDate(latestSnapshot)})` : ""}: il debito dell'anno è quello del 31 dicembre, non di un altro giorno`;
        return Object.values(DEBT_KPI).map((kpiCode) => at(kpiCode, null, null, reason));
      }
      return [
        at(DEBT_KPI.overdue, euro(year.overdueCents)),
        at(DEBT_KPI.invoices, String(year.overdueInvoices)),
        year.creditors === null
          ? at(
              DEBT_KPI.creditors,
              null,
              null,
              `${year.withoutCreditor} fatture scadute al 31/12/${period.year} senza creditor_id: le imprese creditrici non si possono contare`,
            )
          : at(DEBT_KPI.creditors, String(year.creditors)),
        at(
          DEBT_KPI.unpaidDelay,
          year.unpaidDelay.denominator === 0
            ? null
            : ratioAsStoredDecimal(year.unpaidDelay.numerator, year.unpaidDelay.denominator),
          year.unpaidDelay,
        ),
        at(DEBT_KPI.receivedUnpaid, euro(year.receivedUnpaidCents)),
      ];
    },
  };
}
