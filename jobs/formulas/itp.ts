import { dayNumber } from "../../src/dates";
import { DistinctCount } from "./distinct-count";

/**
 * Payment timeliness (ITP, DPCM 22/09/2014 art. 9; MEF-RGS circular 22/2015), DESIGN.md §3:
 * over the commercial invoices paid in a period,
 *   ITP = Σ(amountᵢ × (paymentDateᵢ − dueDateᵢ)) / Σ amountᵢ   (calendar days).
 * Amounts are integer cents, so the sums are exact; the annual figure is Σnumerators/Σdenominators.
 */

export type DisputeRule = "RESTART" | "SHIFT";

/** One payment of (part of) an invoice, or a credit note set against an invoice. */
export interface PaymentLine {
  invoiceId: string;
  kind: "PAYMENT" | "CREDIT_NOTE";
  /** E-invoicing delivery date of the invoice. */
  receiptDate: string;
  /** The contract's payment term; 30 days when absent, never more than 60. */
  termDays: number | null;
  /** The day the payment order went to the treasury (not the bank's value date). */
  paymentDate: string;
  /** Amount paid, or credited, in cents. */
  amountCents: number;
  /** VAT paid to the State under split payment (art. 17-ter DPR 633/72), in cents: not part of the amount. */
  splitVatCents: number;
  /** The first and last days the sum was disputed, both included: it was payable again the day after. */
  disputeFrom: string | null;
  disputeTo: string | null;
}

export const DEFAULT_TERM_DAYS = 30;
export const MAX_TERM_DAYS = 60;

/**
 * The due date, as a day number (see dayNumber): receipt + term. A dispute excludes the days the
 * sum was not payable: by default the term restarts on the day it became payable again, the day
 * after `disputeTo` (RESTART); SHIFT moves the due date by the dispute's length, `to − from + 1`.
 */
export function dueDay(
  line: Pick<PaymentLine, "receiptDate" | "termDays" | "disputeFrom" | "disputeTo">,
  rule: DisputeRule = "RESTART",
): number {
  const term = Math.min(line.termDays ?? DEFAULT_TERM_DAYS, MAX_TERM_DAYS);
  const due = dayNumber(line.receiptDate) + term;
  if (!line.disputeFrom || !line.disputeTo) return due;
  const from = dayNumber(line.disputeFrom);
  const to = dayNumber(line.disputeTo);
  return rule === "RESTART" ? Math.max(due, to + 1 + term) : due + (to - from + 1);
}

/** Calendar days from the due date to the payment date: negative when paid early. */
export function daysLate(line: PaymentLine, rule: DisputeRule = "RESTART"): number {
  return dayNumber(line.paymentDate) - dueDay(line, rule);
}

export interface ItpFigures {
  /** Σ amount × days, in cent-days. */
  numerator: number;
  /** Σ amount, in cents. */
  denominator: number;
  /** Null when nothing was paid: no value, never 0. */
  itp: number | null;
  invoiceCount: number;
  amountPaidCents: number;
}

/**
 * Folds payment lines one at a time, so a year of them never has to be in memory at once. The
 * count of invoices paid keeps nothing per invoice when the lines come grouped by invoice.
 */
export class ItpAccumulator {
  private numerator = 0;
  private denominator = 0;
  private readonly invoices: DistinctCount;

  constructor(
    private readonly rule: DisputeRule = "RESTART",
    groupedByInvoice = false,
  ) {
    this.invoices = new DistinctCount(groupedByInvoice);
  }

  /** A payment, its invoice's credit notes already set off (see credit-notes.ts). */
  add(payment: PaymentLine): void {
    const amount = payment.amountCents - payment.splitVatCents;
    this.numerator += amount * daysLate(payment, this.rule);
    this.denominator += amount;
    this.invoices.add(payment.invoiceId);
  }

  result(): ItpFigures {
    return {
      numerator: this.numerator,
      denominator: this.denominator,
      itp: this.denominator === 0 ? null : this.numerator / this.denominator,
      invoiceCount: this.invoices.size,
      amountPaidCents: this.denominator,
    };
  }
}

/** The figure over several periods: Σ numerators / Σ denominators, never the mean of the periods. */
export function combineItp(parts: ReadonlyArray<Pick<ItpFigures, "numerator" | "denominator">>): number | null {
  const numerator = parts.reduce((sum, p) => sum + p.numerator, 0);
  const denominator = parts.reduce((sum, p) => sum + p.denominator, 0);
  return denominator === 0 ? null : numerator / denominator;
}
