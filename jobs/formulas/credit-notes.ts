import { PaymentLine } from "./itp";

/**
 * Credit notes set against their invoice's payments (DESIGN.md §3): a note reduces what was paid
 * on its invoice, at those payments' days and in their periods, latest payment first (the note
 * corrects the balance, and the balance is paid last). No payment is reduced below zero, so no
 * period's amount paid goes negative; a payment credited in full is no payment at all, and its
 * invoice is not counted as paid for it. A note that finds no payment of its invoice among the
 * lines read, or more credit than was paid, is refused whole: it is a source row with its line.
 */

export interface HeldCreditNote {
  note: PaymentLine;
  line: number;
  raw: string;
}

export interface RefusedCreditNote {
  line: number;
  raw: string;
  reason: string;
}

const NOTHING_SETTLED: PaymentLine[] = [];
const net = (line: PaymentLine) => line.amountCents - line.splitVatCents;
const euro = (cents: number) => (cents / 100).toFixed(2);

/**
 * Lines compared by what they say, never by where they were read, so that every source (a CSV
 * in file order, a SQL table in any order within an invoice) sets the notes off alike: two lines
 * this finds equal are interchangeable.
 */
function byContent(a: PaymentLine, b: PaymentLine): number {
  const nullable = (x: string | null, y: string | null) => (x ?? "").localeCompare(y ?? "");
  return (
    a.paymentDate.localeCompare(b.paymentDate) ||
    net(a) - net(b) ||
    a.amountCents - b.amountCents ||
    a.receiptDate.localeCompare(b.receiptDate) ||
    (a.termDays ?? -1) - (b.termDays ?? -1) ||
    nullable(a.disputeFrom, b.disputeFrom) ||
    nullable(a.disputeTo, b.disputeTo)
  );
}

/**
 * One invoice's payments after its notes, in the order given (a payment credited in full left
 * out), and the notes that could not be set off. The notes are set off earliest first (on one
 * day, the smaller first), each against the latest payments first (on one day, the larger first),
 * whatever the order the source gave them in: when the notes together credit more than was paid,
 * which one is refused must not depend on the source. `reach` names what was read, for the reasons.
 */
export function setOffCreditNotes(
  payments: PaymentLine[],
  notes: HeldCreditNote[],
  reach: string,
): { payments: PaymentLine[]; refused: RefusedCreditNote[] } {
  const remaining = payments.map(net);
  const latestFirst = payments.map((_, i) => i).sort((a, b) => byContent(payments[b], payments[a]));
  const refused: RefusedCreditNote[] = [];
  for (const { note, line, raw } of [...notes].sort((a, b) => byContent(a.note, b.note))) {
    const available = remaining.reduce((sum, cents) => sum + cents, 0);
    const credit = net(note);
    if (available === 0 || credit > available) {
      const reason =
        payments.length === 0
          ? `invoice_id: no payment of invoice ${note.invoiceId} ${reach} to set this credit note against`
          : `amount: credits ${euro(credit)}, more than the ${euro(available)} still paid on invoice ${note.invoiceId} ${reach}`;
      refused.push({ line, raw, reason });
      continue;
    }
    let left = credit;
    for (const i of latestFirst) {
      const part = Math.min(left, remaining[i]);
      remaining[i] -= part;
      left -= part;
    }
  }
  return {
    payments: payments.flatMap((payment, i) =>
      remaining[i] === 0 ? [] : [{ ...payment, amountCents: payment.splitVatCents + remaining[i] }],
    ),
    refused,
  };
}

/**
 * Holds each invoice's lines until its credit notes can be set off: to the next invoice when the
 * source hands an invoice's lines together, else to the end of the source (every payment line of
 * the run is then held, a few hundred bytes each).
 */
export class CreditNoteSettlement {
  private readonly invoices = new Map<string, { payments: PaymentLine[]; notes: HeldCreditNote[] }>();
  private readonly refused: RefusedCreditNote[] = [];

  constructor(
    private readonly reach: string,
    private readonly grouped: boolean,
  ) {}

  /** A line of the run's period, and where it was read; answers the payments now settled. */
  add(line: PaymentLine, at: { line: number; fields: Record<string, unknown> }): PaymentLine[] {
    const settled = this.grouped && !this.invoices.has(line.invoiceId) ? this.settleAll() : NOTHING_SETTLED;
    const invoice = this.invoices.get(line.invoiceId) ?? { payments: [], notes: [] };
    if (line.kind === "PAYMENT") invoice.payments.push(line);
    else invoice.notes.push({ note: line, line: at.line, raw: JSON.stringify(at.fields) });
    this.invoices.set(line.invoiceId, invoice);
    return settled;
  }

  /** When the source is read: the payments still held, settled, and every note refused. */
  finish(): { settled: PaymentLine[]; refused: RefusedCreditNote[] } {
    return { settled: this.settleAll(), refused: this.refused };
  }

  private settleAll(): PaymentLine[] {
    // Grouped, this runs once per invoice: an invoice without notes hands its own list on, unbuilt.
    let settled = NOTHING_SETTLED;
    for (const { payments, notes } of this.invoices.values()) {
      let kept = payments;
      if (notes.length > 0) {
        const result = setOffCreditNotes(payments, notes, this.reach);
        this.refused.push(...result.refused);
        kept = result.payments;
      }
      settled = settled.length === 0 ? kept : settled.concat(kept);
    }
    this.invoices.clear();
    return settled;
  }
}
