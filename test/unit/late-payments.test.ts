import { PaidInYear, YearEndDebt } from "../../jobs/formulas/late-payments";
import { PaymentLine } from "../../jobs/formulas/itp";
import { OpenItem } from "../../jobs/formulas/overdue-debt";
import { debtTest, provisionCents, provisionPercent } from "../../src/statutory/fund-provision";
import { italianDecimal } from "../../src/statutory/figure-labels";

const payment = (overrides: Partial<PaymentLine>): PaymentLine => ({
  invoiceId: "A",
  kind: "PAYMENT",
  receiptDate: "2019-01-10",
  termDays: 30,
  paymentDate: "2019-02-19",
  amountCents: 100_000,
  splitVatCents: 0,
  disputeFrom: null,
  disputeTo: null,
  ...overrides,
});

const openItem = (overrides: Partial<OpenItem>): OpenItem => ({
  invoiceId: "E",
  receiptDate: "2019-10-01",
  termDays: 30,
  outstandingCents: 80_000,
  snapshotDate: "2019-12-31",
  disputeFrom: null,
  disputeTo: null,
  creditorId: "IT001",
  ...overrides,
});

describe("the paid part of the L. 145/2018 annual delay indicator", () => {
  it("counts the year's payments due in the year or paid before falling due, not those due before it: (1000×10 − 500×41 + 2000×60) / 3500", () => {
    const paid = new PaidInYear(2019);
    // A: received 10 Jan, due 9 Feb, paid 19 Feb: 10 days late, 1000.00.
    paid.add(payment({}));
    // B: received 20 Nov 2018, due 20 Dec 2018, paid 9 Jan: due before 2019, counted in 2018's indicator.
    paid.add(payment({ invoiceId: "B", receiptDate: "2018-11-20", paymentDate: "2019-01-09" }));
    // C: received 1 Dec, term 60, due 30 Jan 2020, paid 20 Dec: 11 + 30 = 41 days early, 500.00.
    paid.add(
      payment({
        invoiceId: "C",
        receiptDate: "2019-12-01",
        termDays: 60,
        paymentDate: "2019-12-20",
        amountCents: 50_000,
      }),
    );
    // D: received 15 Dec 2018, due 14 Jan, paid 15 Mar: 17 + 28 + 15 = 60 days; 2440.00 less 440.00 split VAT = 2000.00.
    paid.add(
      payment({
        invoiceId: "D",
        receiptDate: "2018-12-15",
        paymentDate: "2019-03-15",
        amountCents: 244_000,
        splitVatCents: 44_000,
      }),
    );
    // 100000×10 − 50000×41 + 200000×60 = 1,000,000 − 2,050,000 + 12,000,000 = 10,950,000 cent-days over 350,000 cents.
    expect(paid.delay).toEqual({ numerator: 10_950_000, denominator: 350_000 });
    // Received in 2019 and paid in it: A 1000.00 + C 500.00 (B and D were received in 2018).
    expect(paid.receivedAndPaidCents).toBe(150_000);
  });
});

describe("the snapshot of 31 December", () => {
  const yearEnd = () => {
    const debt = new YearEndDebt(2019);
    debt.add(openItem({})); // E: due 31 Oct, 800.00 overdue, 61 days to 31 Dec, received 2019
    debt.add(openItem({ invoiceId: "F", receiptDate: "2018-06-01", outstandingCents: 30_000, creditorId: "IT002" })); // due 1 Jul 2018: overdue, not due in 2019
    debt.add(openItem({ invoiceId: "G", receiptDate: "2019-12-20", outstandingCents: 120_000 })); // due 19 Jan 2020: not overdue
    debt.add(openItem({ invoiceId: "H", receiptDate: "2019-11-01", outstandingCents: 20_000 })); // due 1 Dec: 30 days
    debt.add(openItem({ invoiceId: "X", snapshotDate: "2019-12-30", outstandingCents: 999_900 })); // another day: not the year's
    return debt.result();
  };

  it("gives the stock, its creditor firms, the unpaid part of the delay and what is owed on the year's invoices", () => {
    expect(yearEnd()).toEqual({
      found: true,
      // E 800 + F 300 + H 200 = 1300.00, from 2 creditors (IT001 twice, IT002).
      overdueCents: 130_000,
      overdueInvoices: 3,
      creditors: 2,
      withoutCreditor: 0,
      // Due in 2019 and unpaid: E 80000×61 + H 20000×30 = 4,880,000 + 600,000 over 100,000.
      unpaidDelay: { numerator: 5_480_000, denominator: 100_000 },
      // Received in 2019 and owed: E 800 + G 1200 + H 200 = 2200.00.
      receivedUnpaidCents: 220_000,
    });
  });

  it("has no figures without a snapshot of 31 December, whatever the other days' snapshots", () => {
    const debt = new YearEndDebt(2019);
    debt.add(openItem({ snapshotDate: "2019-12-30" }));
    expect(debt.result()).toMatchObject({ found: false, overdueCents: 0 });
  });

  it("cannot count the creditor firms when an overdue row names none", () => {
    const debt = new YearEndDebt(2019);
    debt.add(openItem({}));
    debt.add(openItem({ invoiceId: "F", creditorId: null }));
    expect(debt.result()).toMatchObject({ creditors: null, withoutCreditor: 1, overdueInvoices: 2 });
  });
});

describe("the debt test (L. 145/2018 c. 859)", () => {
  it("passes on a 10% fall: 1300 ≤ 0.9 × 1500 = 1350, a change of −200/1500 = −13.33%", () => {
    const test = debtTest(130_000, 150_000, 370_000);
    expect(test).toEqual({ change: -200 / 1500, fell: true, exempt: false, passed: true });
  });

  it("fails short of a 10% fall and above 5% of the invoices received: 1300 > 0.9 × 1400 = 1260, 1300 > 0.05 × 3700 = 185", () => {
    expect(debtTest(130_000, 140_000, 370_000)).toMatchObject({ fell: false, exempt: false, passed: false });
  });

  it("is passed by a stock at most 5% of the invoices received, even when it grew: 10.00 ≤ 0.05 × 200.00, not 10.01", () => {
    expect(debtTest(1_000, 500, 20_000)).toMatchObject({ fell: false, exempt: true, passed: true });
    expect(debtTest(1_001, 500, 20_000)).toMatchObject({ exempt: false, passed: false });
  });

  it("cannot be judged without the previous year's stock unless exempt", () => {
    expect(debtTest(130_000, null, 370_000)).toEqual({ change: null, fell: null, exempt: false, passed: null });
  });
});

describe("the provision band (L. 145/2018 c. 862)", () => {
  const days = (numerator: number, denominator = 100) => ({ numerator, denominator });
  it.each([
    [days(-500), true, 0], // paid 5 days early on average
    [days(0), true, 0],
    [days(1), true, 1], // 0.01 days
    [days(1000), true, 1], // 10 days: the last of 1-10
    [days(1001), true, 2], // 10.01 days
    [days(3000), true, 2],
    [days(3001), true, 3],
    [days(6000), true, 3],
    [days(6001), true, 5],
    [days(0, 0), true, 0], // no invoice due in the year
    [days(-500), false, 5], // the debt test failed
  ])("%j with the debt test passed %s: %i%", (delay, passed, percent) => {
    expect(provisionPercent(delay, passed)).toBe(percent);
  });

  it("is the percent of the appropriations to the cent: 3% of 1,234,567.89 = 37,037.0367 → 37,037.04", () => {
    expect(provisionCents(123_456_789, 3)).toBe(3_703_704);
    // 5% = 61,728.3945 → 61,728.39; 1% of 0.50 = 0.005 → 0.01, half away from zero.
    expect(provisionCents(123_456_789, 5)).toBe(6_172_839);
    expect(provisionCents(50, 1)).toBe(1);
  });
});

describe("figures as published", () => {
  it("are written with a decimal comma and thousands points, rounded half away from zero", () => {
    expect(italianDecimal("1234567.895")).toBe("1.234.567,90");
    expect(italianDecimal("-13.333333")).toBe("-13,33");
    expect(italianDecimal("36.511111")).toBe("36,51");
    expect(italianDecimal("0.005")).toBe("0,01");
  });
});
