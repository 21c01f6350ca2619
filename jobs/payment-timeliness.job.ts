import { PeriodKind } from "../entities/enums";
import { DisputeRule, ItpAccumulator, PaymentLine } from "./formulas/itp";
import { ratioAsStoredDecimal } from "./formulas/exact-ratio";
import { CreditNoteSettlement } from "./formulas/credit-notes";
import { PaidInYear } from "./formulas/late-payments";
import { Period } from "../src/periods";
import { ITP_KPI, L145_KPI } from "../src/statutory/statutory-kpis";
import { amountCents, date, groupKey, requiredText, RowProblem } from "../src/csv/fields";
import { dueDateFields } from "./invoice-fields";
import { JobDefinition, JobValue } from "./job";

/**
 * Payment timeliness (ITP) from the payment lines of the accounting system: one row per payment
 * order (or credit note set against an invoice) with its invoice's receipt date and term.
 *
 * Fields: invoice_id; kind (PAGAMENTO | NOTA_CREDITO); receipt_date; term_days (blank: 30);
 * payment_date (order sent to the treasury); amount (paid, VAT included); split_vat (VAT paid to
 * the State under split payment, blank: 0); dispute_from; dispute_to.
 */
export const KPI = {
  ...ITP_KPI,
  /** L. 145/2018, years only: the paid part of the annual delay indicator (jobs/formulas/late-payments.ts). */
  paidDelay: L145_KPI.paidDelay,
  receivedPaid: L145_KPI.receivedPaid,
};

const KINDS: Record<string, PaymentLine["kind"]> = {
  PAGAMENTO: "PAYMENT",
  PAYMENT: "PAYMENT",
  NOTA_CREDITO: "CREDIT_NOTE",
  CREDIT_NOTE: "CREDIT_NOTE",
};

/** Days at the stored precision (rounded only for display); the exact parts are kept to add periods up. No payments: no value. */
const itpValue = (numerator: string, denominator: string) =>
  Number(denominator) === 0 ? null : ratioAsStoredDecimal(Number(numerator), Number(denominator));

export function paymentTimelinessJob(disputeRule: DisputeRule = "RESTART"): JobDefinition<PaymentLine> {
  return {
    key: "payment-timeliness",
    description: "Indicatore di tempestività dei pagamenti (ITP), invoices paid and amount paid, per quarter and year",
    dateField: "payment_date",
    periodKinds: [PeriodKind.QUARTER, PeriodKind.YEAR],
    // Lines of one invoice together: counting the invoices paid then keeps no set of their ids.
    groupField: "invoice_id",

    parse(fields, warn) {
      const kind = KINDS[requiredText(fields, "kind").toUpperCase()];
      if (!kind) throw new RowProblem("kind", `"${String(fields.kind)}" is neither PAGAMENTO nor NOTA_CREDITO`);
      const line: PaymentLine = {
        invoiceId: groupKey(fields, "invoice_id"),
        kind,
        receiptDate: date(fields, "receipt_date")!,
        paymentDate: date(fields, "payment_date")!,
        amountCents: amountCents(fields, "amount"),
        splitVatCents: amountCents(fields, "split_vat", false),
        ...dueDateFields(fields, warn),
      };
      if (line.amountCents <= 0)
        throw new RowProblem(
          "amount",
          "must be more than 0 (a credit note is kind NOTA_CREDITO with a positive amount)",
        );
      if (line.splitVatCents < 0 || line.splitVatCents >= line.amountCents)
        throw new RowProblem("split_vat", "must be at least 0 and less than the amount");
      if (line.paymentDate < line.receiptDate)
        throw new RowProblem("payment_date", "is before the invoice was received");
      return line;
    },

    dateOf: (line) => line.paymentDate,

    settlement: (reach, grouped) => new CreditNoteSettlement(reach, grouped),

    yearFromQuarters(year, quartersOf) {
      const parts = quartersOf(KPI.itp).map((q) => ({
        numerator: Number(q?.numerator ?? 0),
        denominator: Number(q?.denominator ?? 0),
      }));
      const sum = (key: "numerator" | "denominator") => String(parts.reduce((total, p) => total + p[key], 0));
      const paidCents = quartersOf(KPI.amountPaid).reduce((sum, q) => sum + Math.round(Number(q?.value ?? 0) * 100), 0);
      const at = (kpiCode: string, value: string | null, numeratorDenominator: [string, string] | null = null) => ({
        kpiCode,
        period: year,
        unitCode: null,
        breakdown: null,
        value,
        numerator: numeratorDenominator?.[0] ?? null,
        denominator: numeratorDenominator?.[1] ?? null,
      });
      return [
        at(KPI.itp, itpValue(sum("numerator"), sum("denominator")), [sum("numerator"), sum("denominator")]),
        at(KPI.amountPaid, (paidCents / 100).toFixed(2)),
        {
          ...at(KPI.invoices, null),
          // An invoice paid in two quarters counts once in the year: the quarters' counts do not add up.
          reason: `the invoices paid in ${year.year} do not add up from the quarters: stale until ${year.year} is run again`,
        },
        // The L. 145/2018 parts are measured over the whole year only.
        ...[KPI.paidDelay, KPI.receivedPaid].map((kpiCode) => ({
          ...at(kpiCode, null),
          reason: `cifra della L. 145/2018, misurata sull'intero anno e non dai trimestri: da ricalcolare eseguendo di nuovo l'anno ${year.year}`,
        })),
      ];
    },

    accumulator(period: Period, grouped: boolean) {
      const itp = new ItpAccumulator(disputeRule, grouped);
      const l145 = period.kind === PeriodKind.YEAR ? new PaidInYear(period.year, disputeRule) : null;
      return {
        add: (line: PaymentLine) => {
          itp.add(line);
          l145?.add(line);
        },
        values(): JobValue[] {
          const figures = itp.result();
          const at = (
            kpiCode: string,
            value: string | null,
            numerator: string | null = null,
            denominator: string | null = null,
          ): JobValue => ({ kpiCode, period, unitCode: null, breakdown: null, value, numerator, denominator });
          return [
            at(
              KPI.itp,
              itpValue(String(figures.numerator), String(figures.denominator)),
              String(figures.numerator),
              String(figures.denominator),
            ),
            at(KPI.invoices, String(figures.invoiceCount)),
            at(KPI.amountPaid, (figures.amountPaidCents / 100).toFixed(2)),
            ...(l145 === null
              ? []
              : [
                  at(
                    KPI.paidDelay,
                    itpValue(String(l145.delay.numerator), String(l145.delay.denominator)),
                    String(l145.delay.numerator),
                    String(l145.delay.denominator),
                  ),
                  at(KPI.receivedPaid, (l145.receivedAndPaidCents / 100).toFixed(2)),
                ]),
          ];
        },
      };
    },
  };
}
