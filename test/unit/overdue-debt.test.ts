import { OpenItem, OverdueDebtAccumulator } from "../../jobs/formulas/overdue-debt";

const item = (overrides: Partial<OpenItem>): OpenItem => ({
  invoiceId: "F",
  receiptDate: "2019-10-01",
  termDays: 30,
  outstandingCents: 100_000,
  snapshotDate: "2019-12-31",
  disputeFrom: null,
  disputeTo: null,
  ...overrides,
});

describe("OverdueDebtAccumulator", () => {
  it("sums what is still owed on invoices already due at the snapshot: 1000 + 250, not the one due in January", () => {
    const debt = new OverdueDebtAccumulator();
    debt.add(item({ invoiceId: "A" })); // due 31 Oct: overdue
    debt.add(item({ invoiceId: "B", outstandingCents: 25_000, receiptDate: "2019-11-15" })); // due 15 Dec: overdue
    debt.add(item({ invoiceId: "C", receiptDate: "2019-12-10" })); // due 9 Jan 2020: not yet
    expect(debt.latest()).toEqual({ snapshotDate: "2019-12-31", overdueCents: 125_000, overdueInvoices: 2 });
  });

  it("does not count a disputed invoice before its due date after the dispute", () => {
    const debt = new OverdueDebtAccumulator();
    debt.add(item({ disputeFrom: "2019-10-10", disputeTo: "2019-12-15" })); // payable 16 Dec, + 30: due 15 Jan 2020
    expect(debt.latest()).toEqual({ snapshotDate: "2019-12-31", overdueCents: 0, overdueInvoices: 0 });
  });

  it("counts a disputed invoice from the day after its due date after the dispute, as the ITP does", () => {
    // Disputed 1-10 Dec: payable again 11 Dec, + 30 days = due 10 Jan 2020; overdue on 11 Jan, not on 10 Jan.
    const disputed = { disputeFrom: "2019-12-01", disputeTo: "2019-12-10" };
    const onDueDay = new OverdueDebtAccumulator();
    onDueDay.add(item({ ...disputed, snapshotDate: "2020-01-10" }));
    expect(onDueDay.latest()).toMatchObject({ overdueInvoices: 0 });
    const dayAfter = new OverdueDebtAccumulator();
    dayAfter.add(item({ ...disputed, snapshotDate: "2020-01-11" }));
    expect(dayAfter.latest()).toMatchObject({ overdueCents: 100_000, overdueInvoices: 1 });
  });

  it("takes a period's latest snapshot, and has no value without one", () => {
    const debt = new OverdueDebtAccumulator();
    debt.add(item({ snapshotDate: "2019-11-30", outstandingCents: 90_000 }));
    debt.add(item({ snapshotDate: "2019-12-31", outstandingCents: 40_000 }));
    expect(debt.latest()).toMatchObject({ snapshotDate: "2019-12-31", overdueCents: 40_000 });
    expect(new OverdueDebtAccumulator().latest()).toBeNull();
  });
});
