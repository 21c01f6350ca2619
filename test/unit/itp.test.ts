import { combineItp, daysLate, dueDay, ItpAccumulator, PaymentLine } from "../../jobs/formulas/itp";
import { fromDayNumber } from "../../src/dates";

const dueDate = (...args: Parameters<typeof dueDay>) => fromDayNumber(dueDay(...args));

const line = (overrides: Partial<PaymentLine>): PaymentLine => ({
  invoiceId: "F1",
  kind: "PAYMENT",
  receiptDate: "2019-10-01",
  termDays: 30,
  paymentDate: "2019-10-31",
  amountCents: 100_000,
  splitVatCents: 0,
  disputeFrom: null,
  disputeTo: null,
  ...overrides,
});

describe("dueDate", () => {
  it("is receipt + 30 days by default, + the contract's term up to 60", () => {
    expect(dueDate(line({ termDays: null }))).toBe("2019-10-31");
    expect(dueDate(line({ termDays: 45 }))).toBe("2019-11-15");
    expect(dueDate(line({ termDays: 90 }))).toBe("2019-11-30"); // capped at 60
  });

  it("restarts the term the day after the dispute's last day (default), or shifts it by the dispute's length", () => {
    // Received 1 Oct, due 31 Oct; disputed 10-19 Oct, both included (19 − 10 + 1 = 10 days).
    const disputed = line({ disputeFrom: "2019-10-10", disputeTo: "2019-10-19" });
    expect(dueDate(disputed, "RESTART")).toBe("2019-11-19"); // payable again 20 Oct, + 30 days
    expect(dueDate(disputed, "SHIFT")).toBe("2019-11-10"); // 31 Oct + 10
  });

  it("reads a one-day dispute as one day under both rules", () => {
    // Received 1 Oct, due 31 Oct; disputed on 31 Oct only: SHIFT 31 Oct + 1 = 1 Nov; RESTART 1 Nov + 30 = 1 Dec.
    const oneDay = line({ disputeFrom: "2019-10-31", disputeTo: "2019-10-31" });
    expect(dueDate(oneDay, "SHIFT")).toBe("2019-11-01");
    expect(dueDate(oneDay, "RESTART")).toBe("2019-12-01");
  });
});

describe("ITP", () => {
  it("weights each payment's days by its amount: (1000 × 10 + 3000 × (−5)) / 4000 = −1.25", () => {
    const itp = new ItpAccumulator();
    itp.add(line({ invoiceId: "A", amountCents: 100_000, paymentDate: "2019-11-10" })); // due 31 Oct: 10 days late
    itp.add(line({ invoiceId: "B", amountCents: 300_000, paymentDate: "2019-10-26" })); // 5 days early
    expect(itp.result()).toEqual({
      numerator: 100_000 * 10 + 300_000 * -5,
      denominator: 400_000,
      itp: -1.25,
      invoiceCount: 2,
      amountPaidCents: 400_000,
    });
  });

  it("is negative when invoices are paid early on average", () => {
    const itp = new ItpAccumulator();
    itp.add(line({ paymentDate: "2019-10-21" })); // 10 days early
    expect(itp.result().itp).toBe(-10);
  });

  it("leaves out the VAT paid under split payment: (1220 − 220) × 20 / 1000 = 20", () => {
    const itp = new ItpAccumulator();
    itp.add(line({ amountCents: 122_000, splitVatCents: 22_000, paymentDate: "2019-11-20" }));
    expect(itp.result()).toMatchObject({ numerator: 100_000 * 20, denominator: 100_000, itp: 20 });
  });

  it("counts each partial payment with its own amount and days: (600 × 0 + 400 × 30) / 1000 = 12", () => {
    const itp = new ItpAccumulator();
    itp.add(line({ amountCents: 60_000, paymentDate: "2019-10-31" }));
    itp.add(line({ amountCents: 40_000, paymentDate: "2019-11-30" }));
    expect(itp.result()).toMatchObject({ itp: 12, invoiceCount: 1 });
  });

  it("excludes the disputed days: paid 20 Nov, due 19 Nov after the dispute (20 Oct + 30), so 1 day late and not 20", () => {
    const itp = new ItpAccumulator();
    const disputed = line({ paymentDate: "2019-11-20", disputeFrom: "2019-10-10", disputeTo: "2019-10-19" });
    itp.add(disputed);
    expect(daysLate(disputed)).toBe(1);
    expect(itp.result().itp).toBe(1);
    const shifted = new ItpAccumulator("SHIFT");
    shifted.add(disputed);
    expect(shifted.result().itp).toBe(10);
  });

  it("has no value, not 0 and not NaN, for a quarter without payments", () => {
    expect(new ItpAccumulator().result()).toEqual({
      numerator: 0,
      denominator: 0,
      itp: null,
      invoiceCount: 0,
      amountPaidCents: 0,
    });
  });

  it("makes the annual figure from the quarters' sums, not the mean of the quarters: (10 × 1000 + 0 × 3000) / 4000 = 2.5", () => {
    const q1 = { numerator: 10 * 100_000, denominator: 100_000 }; // ITP 10
    const q2 = { numerator: 0, denominator: 300_000 }; // ITP 0
    expect(combineItp([q1, q2, { numerator: 0, denominator: 0 }])).toBe(2.5); // the mean of 10 and 0 would be 5
    expect(combineItp([{ numerator: 0, denominator: 0 }])).toBeNull();
  });
});
