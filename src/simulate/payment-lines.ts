import { dueDay } from "../../jobs/formulas/itp";
import { pick, seededRandom } from "./random";

/** A generated payment line, in the payment timeliness job's source fields (ISO dates, euro as text). */
export interface GeneratedPaymentLine {
  invoice_id: string;
  kind: "PAGAMENTO" | "NOTA_CREDITO";
  receipt_date: string;
  term_days: number | null;
  payment_date: string;
  amount: string;
  split_vat: string | null;
  dispute_from: string | null;
  dispute_to: string | null;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * GENERATED, NOT REAL DATA: the payment lines of a year for a city the size of Milan (about
 * 300,000 commercial invoices), with the shapes the ITP rules care about: most paid near the
 * 30-day term, some early, a tail paid late, partial payments, credit notes, disputes, split VAT.
 */
export function* generatePaymentLines(year: number, invoices: number, seed = 2019): Generator<GeneratedPaymentLine> {
  const random = seededRandom(seed + year);
  const start = Date.UTC(year, 0, 1);
  for (let n = 1; n <= invoices; n += 1) {
    const invoiceId = `GEN-${year}-${String(n).padStart(7, "0")}`;
    const receipt = start + Math.floor(random() * 365) * DAY - 20 * DAY;
    const term = random() < 0.8 ? null : pick(random, [45, 60, 90]);
    const disputed = random() < 0.02;
    const disputeFrom = disputed ? receipt + 5 * DAY : null;
    const disputeTo = disputeFrom === null ? null : disputeFrom + Math.floor(10 + random() * 50) * DAY;
    // The due date the ITP will compute (a term cut to 60 days; after a dispute, dispute_to + 1 + term),
    // so that the lateness drawn below is the lateness the job measures.
    const payableFrom =
      dueDay({
        receiptDate: iso(receipt),
        termDays: term,
        disputeFrom: disputeFrom === null ? null : iso(disputeFrom),
        disputeTo: disputeTo === null ? null : iso(disputeTo),
      }) * DAY;
    // Lateness: mostly around the due date, a fifth late, a few very late.
    const lateness =
      random() < 0.75
        ? Math.round((random() - 0.6) * 20)
        : random() < 0.9
          ? Math.round(random() * 60)
          : Math.round(60 + random() * 180);
    const paid = payableFrom + lateness * DAY;
    const gross = Math.round((50 + random() ** 3 * 200_000) * 100);
    const split = random() < 0.7 ? Math.round(gross - gross / 1.22) : 0;
    const base = {
      invoice_id: invoiceId,
      receipt_date: iso(receipt),
      term_days: term,
      dispute_from: disputeFrom === null ? null : iso(disputeFrom),
      dispute_to: disputeTo === null ? null : iso(disputeTo),
    };
    const euro = (cents: number) => (cents / 100).toFixed(2);
    if (random() < 0.1) {
      // Paid in two parts, a month apart.
      const first = Math.round(gross * 0.6);
      yield {
        ...base,
        kind: "PAGAMENTO",
        payment_date: iso(paid),
        amount: euro(first),
        split_vat: split ? euro(Math.round(split * 0.6)) : null,
      };
      yield {
        ...base,
        kind: "PAGAMENTO",
        payment_date: iso(paid + 30 * DAY),
        amount: euro(gross - first),
        split_vat: split ? euro(split - Math.round(split * 0.6)) : null,
      };
    } else {
      yield {
        ...base,
        kind: "PAGAMENTO",
        payment_date: iso(paid),
        amount: euro(gross),
        split_vat: split ? euro(split) : null,
      };
    }
    if (random() < 0.03) {
      yield {
        ...base,
        kind: "NOTA_CREDITO",
        payment_date: iso(paid),
        amount: euro(Math.round(gross * 0.1)),
        split_vat: null,
      };
    }
  }
}
