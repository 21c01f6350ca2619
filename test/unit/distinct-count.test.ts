import { DistinctCount } from "../../jobs/formulas/distinct-count";
import { ItpAccumulator, PaymentLine } from "../../jobs/formulas/itp";
import { seededRandom } from "../../src/simulate/random";

const count = (ids: string[], grouped: boolean) => {
  const counter = new DistinctCount(grouped);
  ids.forEach((id) => counter.add(id));
  return counter.size;
};

describe("DistinctCount", () => {
  const random = seededRandom(3);
  const ids = Array.from({ length: 5000 }, () => `F${Math.floor(random() * 1200)}`);
  const exact = new Set(ids).size;

  it("counts every distinct id of an unordered stream", () => {
    expect(count(ids, false)).toBe(exact);
  });

  it("counts the same from each id's rows together, keeping only the last id", () => {
    const grouped = [...ids].sort();
    expect(count(grouped, true)).toBe(exact);
    // Grouping matters: the same rows unordered would be miscounted by the grouped counter.
    expect(count(ids, true)).toBeGreaterThan(exact);
  });
});

describe("ItpAccumulator over lines grouped by invoice", () => {
  it("gives the figures of the same lines in date order", () => {
    const line = (invoiceId: string, paymentDate: string): PaymentLine => ({
      invoiceId,
      kind: "PAYMENT",
      receiptDate: "2019-10-01",
      termDays: 30,
      paymentDate,
      amountCents: 50_000,
      splitVatCents: 0,
      disputeFrom: null,
      disputeTo: null,
    });
    // F1 paid in two parts either side of F2.
    const byDate = [line("F1", "2019-10-20"), line("F2", "2019-10-25"), line("F1", "2019-11-15")];
    const byInvoice = [byDate[0], byDate[2], byDate[1]];
    const fold = (lines: PaymentLine[], grouped: boolean) => {
      const itp = new ItpAccumulator("RESTART", grouped);
      lines.forEach((l) => itp.add(l));
      return itp.result();
    };
    expect(fold(byInvoice, true)).toEqual(fold(byDate, false));
    expect(fold(byInvoice, true).invoiceCount).toBe(2);
  });
});
