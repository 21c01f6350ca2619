import { daysLate, PaymentLine } from "../../jobs/formulas/itp";
import { generatePaymentLines } from "../../src/simulate/payment-lines";

/** The generated lines as the ITP job reads them. */
function lines(invoices: number): Array<PaymentLine & { disputed: boolean }> {
  return [...generatePaymentLines(2019, invoices)]
    .filter((line) => line.kind === "PAGAMENTO")
    .map((line) => ({
      invoiceId: line.invoice_id,
      kind: "PAYMENT",
      receiptDate: line.receipt_date,
      termDays: line.term_days,
      paymentDate: line.payment_date,
      amountCents: 0,
      splitVatCents: 0,
      disputeFrom: line.dispute_from,
      disputeTo: line.dispute_to,
      disputed: line.dispute_from !== null,
    }));
}

describe("GENERATED payment lines", () => {
  it("pay a disputed invoice around the due date the ITP computes, dispute_to + 1 + term, as an undisputed one", () => {
    // The generator draws the lateness from the due date: at most 12 days early ((0 − 0.6) × 20 = −12),
    // whether the invoice was disputed or not. Counted from dispute_to + term, a disputed one came out 13 days early.
    const generated = lines(20_000);
    const earliest = (disputed: boolean) =>
      Math.min(...generated.filter((l) => l.disputed === disputed).map((l) => daysLate(l, "RESTART")));
    expect(generated.filter((l) => l.disputed).length).toBeGreaterThan(300);
    expect([earliest(false), earliest(true)]).toEqual([-12, -12]);
  });

  it("count a term over 60 days as 60 after a dispute too, as the ITP does", () => {
    // A 90-day contract disputed is payable from dispute_to + 1 + 60. Counted from dispute_to + 90 it was
    // paid 29 days after the lateness drawn: none of them within [−12, 8], where three in four are drawn.
    const disputed90 = lines(20_000).filter((l) => l.disputed && l.termDays === 90);
    expect(disputed90.length).toBeGreaterThan(5);
    const lateness = disputed90.map((l) => daysLate(l, "RESTART"));
    expect(Math.min(...lateness)).toBeGreaterThanOrEqual(-12);
    expect(lateness.filter((days) => days <= 8).length).toBeGreaterThan(0);
  });
});
