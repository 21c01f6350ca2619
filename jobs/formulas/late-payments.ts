import { dayNumber } from "../../src/dates";
import { DelayParts } from "../../src/statutory/fund-provision";
import { DisputeRule, dueDay, PaymentLine } from "./itp";
import { OpenItem } from "./overdue-debt";

/**
 * The parts of the L. 145/2018 (c. 859-872) figures of a year that the jobs fold from source rows
 * (the figures themselves are composed in src/statutory/):
 * - the annual delay indicator is over the invoices due in the year, paid or not, and those paid
 *   in the year before falling due, Σ(amount × days after the due date) / Σ amount, an unpaid
 *   amount counting its days to the reference date, 31 December (the day of the stock's snapshot):
 *   the payment lines give its paid part, the 31 December snapshot its unpaid part;
 * - the invoices received in the year are what was paid on them in the year plus what is still
 *   owed on them on 31 December (both net of split-payment VAT and of credit notes);
 * - the overdue stock is that of the 31 December snapshot, with its creditor firms.
 * Amounts are integer cents and days whole, so every sum is exact.
 */

/**
 * The paid part, from the payment lines of the year (credit notes already set off): every payment
 * made in the year counts, except those of invoices that fell due before it, already counted in
 * their own year's indicator. A payment due in a later year was paid before falling due.
 * Also the amount paid in the year on invoices received in it, half of the invoices received.
 */
export class PaidInYear {
  readonly delay: DelayParts = { numerator: 0, denominator: 0 };
  receivedAndPaidCents = 0;
  private readonly firstDay: number;

  constructor(
    private readonly year: number,
    private readonly rule: DisputeRule = "RESTART",
  ) {
    this.firstDay = dayNumber(`${year}-01-01`);
  }

  add(payment: PaymentLine): void {
    const amount = payment.amountCents - payment.splitVatCents;
    const due = dueDay(payment, this.rule);
    if (due >= this.firstDay) {
      this.delay.numerator += amount * (dayNumber(payment.paymentDate) - due);
      this.delay.denominator += amount;
    }
    if (payment.receiptDate.startsWith(`${this.year}-`)) this.receivedAndPaidCents += amount;
  }
}

/** What the open-items snapshot of 31 December says of its year; `found` false when there is none. */
export interface YearEndFigures {
  found: boolean;
  /** Overdue on 31 December (due before it), in cents: the L. 145/2018 stock. */
  overdueCents: number;
  overdueInvoices: number;
  /** Distinct creditors of the overdue stock (D.Lgs. 33/2013 art. 33); null when a row of it names none. */
  creditors: number | null;
  /** Overdue rows without a creditor, which make the count unknown. */
  withoutCreditor: number;
  /** The unpaid part of the delay indicator: amounts due in the year still owed, days to 31 December. */
  unpaidDelay: DelayParts;
  /** Still owed on 31 December on invoices received in the year: the other half of the invoices received. */
  receivedUnpaidCents: number;
}

/** Folds the open items of a year's snapshots, keeping only those of 31 December. */
export class YearEndDebt {
  private found = false;
  private overdueCents = 0;
  private overdueInvoices = 0;
  private withoutCreditor = 0;
  private readonly creditors = new Set<string>();
  private readonly unpaidDelay: DelayParts = { numerator: 0, denominator: 0 };
  private receivedUnpaidCents = 0;
  private readonly yearEnd: string;
  private readonly yearEndDay: number;
  private readonly firstDay: number;

  constructor(
    private readonly year: number,
    private readonly rule: DisputeRule = "RESTART",
  ) {
    this.yearEnd = `${year}-12-31`;
    this.yearEndDay = dayNumber(this.yearEnd);
    this.firstDay = dayNumber(`${year}-01-01`);
  }

  add(item: OpenItem): void {
    if (item.snapshotDate !== this.yearEnd) return;
    this.found = true;
    if (item.outstandingCents === 0) return;
    const due = dueDay(item, this.rule);
    if (due < this.yearEndDay) {
      this.overdueCents += item.outstandingCents;
      this.overdueInvoices += 1;
      if (!item.creditorId) this.withoutCreditor += 1;
      else this.creditors.add(item.creditorId);
    }
    if (due >= this.firstDay && due <= this.yearEndDay) {
      this.unpaidDelay.numerator += item.outstandingCents * (this.yearEndDay - due);
      this.unpaidDelay.denominator += item.outstandingCents;
    }
    if (item.receiptDate.startsWith(`${this.year}-`)) this.receivedUnpaidCents += item.outstandingCents;
  }

  result(): YearEndFigures {
    return {
      found: this.found,
      overdueCents: this.overdueCents,
      overdueInvoices: this.overdueInvoices,
      creditors: this.withoutCreditor > 0 ? null : this.creditors.size,
      withoutCreditor: this.withoutCreditor,
      unpaidDelay: { ...this.unpaidDelay },
      receivedUnpaidCents: this.receivedUnpaidCents,
    };
  }
}
