import { PeriodKind } from "../entities/enums";
import { DisputeRule } from "./formulas/itp";
import { OpenItem, OverdueDebtAccumulator } from "./formulas/overdue-debt";
import { Period } from "../src/periods";
import { amountCents, date, requiredText, RowProblem } from "../src/csv/fields";
import { dueDateFields } from "./invoice-fields";
import { JobDefinition, JobValue } from "./job";

/**
 * The residual overdue commercial debt from the accounting system's open-items snapshots (e.g. at
 * each quarter's end), one row per open invoice per snapshot.
 *
 * Fields: invoice_id; receipt_date; term_days (blank: 30); outstanding (euro still to pay, net of
 * split-payment VAT); snapshot_date; dispute_from; dispute_to.
 */
export const DEBT_KPI = { overdue: "SAL-FIN-DEBITO-SCADUTO", invoices: "SAL-FIN-FATTURE-SCADUTE" };

export function overdueDebtJob(disputeRule: DisputeRule = "RESTART"): JobDefinition<OpenItem> {
  return {
    key: "overdue-debt",
    description: "Residual overdue commercial debt and overdue invoices at the latest snapshot of each period",
    dateField: "snapshot_date",
    periodKinds: [PeriodKind.QUARTER, PeriodKind.YEAR],

    parse(fields, warn) {
      const item: OpenItem = {
        invoiceId: requiredText(fields, "invoice_id"),
        receiptDate: date(fields, "receipt_date")!,
        outstandingCents: amountCents(fields, "outstanding"),
        snapshotDate: date(fields, "snapshot_date")!,
        ...dueDateFields(fields, warn),
      };
      if (item.outstandingCents < 0) throw new RowProblem("outstanding", "cannot be negative");
      return item;
    },

    dateOf: (item) => item.snapshotDate,

    accumulator(period: Period) {
      const debt = new OverdueDebtAccumulator(disputeRule);
      return {
        add: (item: OpenItem) => debt.add(item),
        values(): JobValue[] {
          const latest = debt.latest();
          const at = (kpiCode: string, value: string | null): JobValue => ({
            kpiCode,
            period,
            unitCode: null,
            breakdown: null,
            value,
            numerator: null,
            denominator: null,
          });
          return [
            at(DEBT_KPI.overdue, latest === null ? null : (latest.overdueCents / 100).toFixed(2)),
            at(DEBT_KPI.invoices, latest === null ? null : String(latest.overdueInvoices)),
          ];
        },
      };
    },
  };
}
