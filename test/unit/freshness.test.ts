import { KpiFrequency, PeriodKind } from "../../entities/enums";
import { freshnessOf } from "../../src/measurement/freshness";

const recordedAt = new Date("2020-01-15T09:00:00Z");

describe("a KPI's freshness", () => {
  it("expects a quarterly KPI measured for 2019-Q4 by 2020-04-30: Q1 2020 ends on 31/03, plus 30 days", () => {
    const q4 = { period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 }, recordedAt };
    expect(freshnessOf(KpiFrequency.QUARTERLY, q4, "2020-04-30")).toEqual({
      lastPeriod: "2019-Q4",
      lastRecordedAt: recordedAt,
      expectedBy: "2020-04-30",
      overdue: false,
    });
    expect(freshnessOf(KpiFrequency.QUARTERLY, q4, "2020-05-01").overdue).toBe(true);
  });

  it("expects a monthly KPI measured for 2020-01 by 2020-03-30: February 2020 ends on 29/02 (leap year), plus 30 days", () => {
    const january = { period: { year: 2020, kind: PeriodKind.MONTH, index: 1 }, recordedAt };
    expect(freshnessOf(KpiFrequency.MONTHLY, january, "2020-03-01").expectedBy).toBe("2020-03-30");
  });

  it("expects a yearly KPI measured for 2019 by 2021-01-30, and a quarterly one whose latest value is the year's by 2020-04-30", () => {
    const year = { period: { year: 2019, kind: PeriodKind.YEAR, index: 0 }, recordedAt };
    expect(freshnessOf(KpiFrequency.YEARLY, year, "2020-06-30").expectedBy).toBe("2021-01-30");
    expect(freshnessOf(KpiFrequency.QUARTERLY, year, "2020-06-30")).toMatchObject({
      expectedBy: "2020-04-30",
      overdue: true,
    });
  });

  it("has nothing to say of a KPI never measured: no period, no due day, not overdue", () => {
    expect(freshnessOf(KpiFrequency.QUARTERLY, null, "2020-06-30")).toEqual({
      lastPeriod: null,
      lastRecordedAt: null,
      expectedBy: null,
      overdue: false,
    });
  });
});
