import { generatePaymentLines } from "./payment-lines";

export interface GeneratedOpenItem {
  invoice_id: string;
  receipt_date: string;
  term_days: number | null;
  outstanding: string;
  snapshot_date: string;
  dispute_from: string | null;
  dispute_to: string | null;
  creditor_id: string;
}

/** GENERATED suppliers: about one for every 75 invoices, so the demo's count of creditor firms means something. */
const creditorOf = (invoiceId: string, invoices: number) =>
  `GEN-FORN-${String(Number(invoiceId.slice(-7)) % Math.max(1, Math.round(invoices / 75))).padStart(5, "0")}`;

/**
 * GENERATED, NOT REAL DATA: the open-items snapshots at each quarter's end that the generated
 * payment lines imply (an invoice received by the snapshot and paid after it is still open).
 */
export function* generateOpenItems(year: number, invoices: number): Generator<GeneratedOpenItem> {
  const snapshots = ["03-31", "06-30", "09-30", "12-31"].map((day) => `${year}-${day}`);
  for (const line of generatePaymentLines(year, invoices)) {
    if (line.kind !== "PAGAMENTO") continue;
    const net = (Number(line.amount) - Number(line.split_vat ?? 0)).toFixed(2);
    for (const snapshot of snapshots) {
      if (line.receipt_date <= snapshot && line.payment_date > snapshot) {
        yield {
          invoice_id: line.invoice_id,
          receipt_date: line.receipt_date,
          term_days: line.term_days,
          outstanding: net,
          snapshot_date: snapshot,
          dispute_from: line.dispute_from,
          dispute_to: line.dispute_to,
          creditor_id: creditorOf(line.invoice_id, invoices),
        };
      }
    }
  }
}
