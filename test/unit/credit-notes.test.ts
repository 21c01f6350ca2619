import { CreditNoteSettlement, setOffCreditNotes } from "../../jobs/formulas/credit-notes";
import { ItpAccumulator, PaymentLine } from "../../jobs/formulas/itp";

const line = (overrides: Partial<PaymentLine>): PaymentLine => ({
  invoiceId: "A",
  kind: "PAYMENT",
  receiptDate: "2019-10-01", // due 31 Oct
  termDays: 30,
  paymentDate: "2019-11-10", // 10 days late
  amountCents: 100_000,
  splitVatCents: 0,
  disputeFrom: null,
  disputeTo: null,
  ...overrides,
});
const note = (overrides: Partial<PaymentLine>, at = 9) => ({
  note: line({ kind: "CREDIT_NOTE", ...overrides }),
  line: at,
  raw: "{}",
});
const REACH = "between 2019-01-01 and 2019-12-31";
const itpOf = (payments: PaymentLine[]) => {
  const itp = new ItpAccumulator();
  payments.forEach((p) => itp.add(p));
  return itp.result();
};

describe("credit notes set against their invoice's payments", () => {
  it("reduce the payment at its days: (1000 − 200) × 10 / (1000 − 200) = 10 on 800 paid", () => {
    const { payments, refused } = setOffCreditNotes([line({})], [note({ amountCents: 20_000 })], REACH);
    expect(refused).toEqual([]);
    expect(itpOf(payments)).toEqual({
      numerator: 80_000 * 10,
      denominator: 80_000,
      itp: 10,
      invoiceCount: 1,
      amountPaidCents: 80_000,
    });
  });

  it("reduce the latest payment first, in its period, and never below zero", () => {
    // 600 paid 30 Sep (Q3, 30 days early), 400 paid 10 Nov (Q4, 10 days late); a note of 500:
    // the Q4 payment 400 → 0 (gone), the Q3 one 600 − 100 = 500.
    const q3 = line({ amountCents: 60_000, paymentDate: "2019-09-30" });
    const q4 = line({ amountCents: 40_000, paymentDate: "2019-11-10" });
    const { payments } = setOffCreditNotes([q3, q4], [note({ amountCents: 50_000, paymentDate: "2019-12-01" })], REACH);
    expect(payments).toEqual([{ ...q3, amountCents: 50_000 }]);
    // Q3: 500 × (−31) / 500 = −31 (30 Sep is 31 days before 31 Oct); Q4: no payment left, so no value and no invoice.
    expect(itpOf(payments)).toMatchObject({ itp: -31, amountPaidCents: 50_000 });
    expect(itpOf([])).toMatchObject({ itp: null, invoiceCount: 0, amountPaidCents: 0 });
  });

  it("leave a fully credited invoice out of the invoices paid", () => {
    const { payments } = setOffCreditNotes([line({ amountCents: 20_000 })], [note({ amountCents: 20_000 })], REACH);
    expect(itpOf(payments)).toMatchObject({ invoiceCount: 0, amountPaidCents: 0, itp: null });
  });

  it("count net of split-payment VAT on both sides: (1220 − 220) − (122 − 22) = 900 paid", () => {
    const { payments } = setOffCreditNotes(
      [line({ amountCents: 122_000, splitVatCents: 22_000 })],
      [note({ amountCents: 12_200, splitVatCents: 2_200 })],
      REACH,
    );
    expect(itpOf(payments)).toMatchObject({ amountPaidCents: 90_000, numerator: 90_000 * 10 });
  });

  it("refuse a note with no payment of its invoice in reach, or more credit than was paid, naming line and reason", () => {
    expect(setOffCreditNotes([], [note({ invoiceId: "Z", amountCents: 5_000 }, 12)], REACH)).toEqual({
      payments: [],
      refused: [
        {
          line: 12,
          raw: "{}",
          reason:
            "invoice_id: no payment of invoice Z between 2019-01-01 and 2019-12-31 to set this credit note against",
        },
      ],
    });
    const payment = line({ amountCents: 20_000 });
    const { payments, refused } = setOffCreditNotes([payment], [note({ amountCents: 30_000 }, 7)], REACH);
    expect(payments).toEqual([payment]); // the payment stands whole
    expect(refused.map((r) => [r.line, r.reason])).toEqual([
      [7, "amount: credits 300.00, more than the 200.00 still paid on invoice A between 2019-01-01 and 2019-12-31"],
    ]);
  });

  it("set the notes off earliest first, and the payments latest first, whatever order the source gave", () => {
    // 1,000 paid; notes of 300 (15 Nov) and 800 (20 Nov) credit 1,100: the later note is refused.
    const early = note({ amountCents: 30_000, paymentDate: "2019-11-15" }, 4);
    const late = note({ amountCents: 80_000, paymentDate: "2019-11-20" }, 5);
    for (const notes of [
      [early, late],
      [late, early],
    ])
      expect(setOffCreditNotes([line({})], notes, REACH).refused.map((r) => r.line)).toEqual([5]);
    // Two payments on one day, due on different days: the note takes the larger first, in either order.
    const small = line({ amountCents: 10_000, receiptDate: "2019-09-01" });
    const large = line({ amountCents: 50_000 });
    for (const payments of [
      [small, large],
      [large, small],
    ])
      expect(setOffCreditNotes(payments, [note({ amountCents: 20_000 })], REACH).payments).toEqual(
        expect.arrayContaining([small, { ...large, amountCents: 30_000 }]),
      );
  });
});

describe("CreditNoteSettlement", () => {
  const at = (n: number) => ({ line: n, fields: { n } });

  it("sets off a note read before its payment when the source is not grouped, holding the lines to the end", () => {
    const settlement = new CreditNoteSettlement(REACH, false);
    expect(settlement.add(line({ kind: "CREDIT_NOTE", amountCents: 20_000 }), at(2))).toEqual([]);
    expect(settlement.add(line({ invoiceId: "B" }), at(3))).toEqual([]);
    expect(settlement.add(line({}), at(4))).toEqual([]);
    const { settled, refused } = settlement.finish();
    expect(refused).toEqual([]);
    expect(settled.map((p) => [p.invoiceId, p.amountCents])).toEqual([
      ["A", 80_000],
      ["B", 100_000],
    ]);
  });

  it("settles each invoice when the next begins from a grouped source, to the same figures", () => {
    const lines = [line({}), line({ kind: "CREDIT_NOTE", amountCents: 20_000 }), line({ invoiceId: "B" })];
    const grouped = new CreditNoteSettlement(REACH, true);
    const early = lines.flatMap((l, i) => grouped.add(l, at(i + 2)));
    expect(early.map((p) => [p.invoiceId, p.amountCents])).toEqual([["A", 80_000]]); // settled when B began
    const all = [...early, ...grouped.finish().settled];
    const ungrouped = new CreditNoteSettlement(REACH, false);
    lines.forEach((l, i) => ungrouped.add(l, at(i + 2)));
    // (800 × 10 + 1000 × 10) / 1800 = 10
    expect(itpOf(all)).toEqual(itpOf(ungrouped.finish().settled));
    expect(itpOf(all)).toMatchObject({ itp: 10, invoiceCount: 2, amountPaidCents: 180_000 });
  });

  it("keeps the refused note's source row as read", () => {
    const settlement = new CreditNoteSettlement(REACH, false);
    settlement.add(line({ invoiceId: "Z", kind: "CREDIT_NOTE" }), { line: 5, fields: { invoice_id: "Z" } });
    expect(settlement.finish().refused).toEqual([
      {
        line: 5,
        raw: '{"invoice_id":"Z"}',
        reason: "invoice_id: no payment of invoice Z between 2019-01-01 and 2019-12-31 to set this credit note against",
      },
    ]);
  });
});
