import { dayNumber } from "../../src/dates";
import { DisputeRule, dueDay } from "./itp";

/**
 * The overdue commercial debt (L. 145/2018): what is still owed on invoices already due, from an
 * open-items snapshot of the accounting system. A disputed invoice is not overdue until its due
 * date after the dispute (the same rule as the ITP).
 */
export interface OpenItem {
  invoiceId: string;
  receiptDate: string;
  termDays: number | null;
  /** Still to pay on the snapshot day, in cents, net of VAT under split payment. */
  outstandingCents: number;
  snapshotDate: string;
  disputeFrom: string | null;
  disputeTo: string | null;
  /** The creditor's tax code or VAT number, to count the creditor firms (D.Lgs. 33/2013 art. 33). */
  creditorId?: string | null;
}

export interface OverdueDebt {
  snapshotDate: string;
  overdueCents: number;
  overdueInvoices: number;
}

/** Keeps per snapshot day two sums; a period's figure is its latest snapshot. */
export class OverdueDebtAccumulator {
  private readonly snapshots = new Map<string, OverdueDebt>();

  constructor(private readonly rule: DisputeRule = "RESTART") {}

  add(item: OpenItem): void {
    const snapshot = this.snapshots.get(item.snapshotDate) ?? {
      snapshotDate: item.snapshotDate,
      overdueCents: 0,
      overdueInvoices: 0,
    };
    if (dueDay(item, this.rule) < dayNumber(item.snapshotDate) && item.outstandingCents > 0) {
      snapshot.overdueCents += item.outstandingCents;
      snapshot.overdueInvoices += 1;
    }
    this.snapshots.set(item.snapshotDate, snapshot);
  }

  /** The latest snapshot read; null when none was. */
  latest(): OverdueDebt | null {
    const days = [...this.snapshots.keys()].sort();
    return days.length ? this.snapshots.get(days[days.length - 1])! : null;
  }
}
