import { KpiFrequency, KpiUnit, PeriodKind } from "../../entities/enums";
import { fitsFrequency, valueProblem } from "../../src/measurement/value-rules";
import { isValidPeriod, periodBounds, periodLabel } from "../../src/periods";

describe("valueProblem", () => {
  it("accepts values of the KPI's kind", () => {
    expect(valueProblem(KpiUnit.PERCENT, "70")).toBeNull();
    expect(valueProblem(KpiUnit.PERCENT, "100")).toBeNull();
    expect(valueProblem(KpiUnit.COUNT, "9")).toBeNull();
    expect(valueProblem(KpiUnit.DAYS, "-3.25")).toBeNull();
    expect(valueProblem(KpiUnit.MILESTONE, "0.5")).toBeNull();
    expect(valueProblem(KpiUnit.EUR, "1234.50")).toBeNull();
  });

  it("refuses values of the wrong kind, saying why", () => {
    expect(valueProblem(KpiUnit.PERCENT, "100.5")).toMatch(/between 0 and 100/);
    expect(valueProblem(KpiUnit.COUNT, "2.5")).toMatch(/whole number/);
    expect(valueProblem(KpiUnit.COUNT, "-1")).toMatch(/whole number/);
    expect(valueProblem(KpiUnit.MILESTONE, "2")).toMatch(/share done/);
    expect(valueProblem(KpiUnit.EUR, "10.005")).toMatch(/2 decimals/);
    expect(valueProblem(KpiUnit.RATIO, "-0.1")).toMatch(/negative/);
  });
});

describe("periods", () => {
  it("bounds quarters, months and years on calendar days", () => {
    expect(periodBounds({ year: 2019, kind: PeriodKind.QUARTER, index: 4 })).toEqual({
      start: "2019-10-01",
      end: "2019-12-31",
    });
    expect(periodBounds({ year: 2020, kind: PeriodKind.MONTH, index: 2 })).toEqual({
      start: "2020-02-01",
      end: "2020-02-29",
    });
    expect(periodBounds({ year: 2019, kind: PeriodKind.YEAR, index: 0 })).toEqual({
      start: "2019-01-01",
      end: "2019-12-31",
    });
  });

  it("knows valid indexes and labels", () => {
    expect(isValidPeriod({ year: 2019, kind: PeriodKind.QUARTER, index: 5 })).toBe(false);
    expect(isValidPeriod({ year: 2019, kind: PeriodKind.MONTH, index: 12 })).toBe(true);
    expect(isValidPeriod({ year: 2019, kind: PeriodKind.YEAR, index: 1 })).toBe(false);
    expect(periodLabel({ year: 2019, kind: PeriodKind.QUARTER, index: 4 })).toBe("2019-Q4");
    expect(periodLabel({ year: 2019, kind: PeriodKind.MONTH, index: 3 })).toBe("2019-03");
  });

  it("lets a KPI be measured at its frequency or for the year", () => {
    expect(fitsFrequency(KpiFrequency.QUARTERLY, PeriodKind.QUARTER)).toBe(true);
    expect(fitsFrequency(KpiFrequency.QUARTERLY, PeriodKind.YEAR)).toBe(true);
    expect(fitsFrequency(KpiFrequency.QUARTERLY, PeriodKind.MONTH)).toBe(false);
    expect(fitsFrequency(KpiFrequency.YEARLY, PeriodKind.QUARTER)).toBe(false);
  });
});
