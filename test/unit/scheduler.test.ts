import { periodForTick } from "../../jobs/engine/scheduler";
import { parsePeriod, periodsBetween } from "../../src/periods";

describe("periodForTick", () => {
  it("measures the quarter that ended before the tick, in Milan's calendar", () => {
    expect(periodForTick(new Date("2019-10-01T01:00:00Z"))).toEqual({ year: 2019, kind: "QUARTER", index: 3 });
    expect(periodForTick(new Date("2019-07-01T01:00:00Z"))).toEqual({ year: 2019, kind: "QUARTER", index: 2 });
  });

  it("measures the whole previous year on a January tick, even when UTC is still in December", () => {
    // 23:30 UTC on 31 December is already 1 January in Milan.
    expect(periodForTick(new Date("2019-12-31T23:30:00Z"))).toEqual({ year: 2019, kind: "YEAR", index: 0 });
  });
});

describe("parsePeriod", () => {
  it("reads years, quarters and months, and nothing else", () => {
    expect(parsePeriod("2019")).toEqual({ year: 2019, kind: "YEAR", index: 0 });
    expect(parsePeriod("2019-Q4")).toEqual({ year: 2019, kind: "QUARTER", index: 4 });
    expect(parsePeriod("2019-03")).toEqual({ year: 2019, kind: "MONTH", index: 3 });
    for (const bad of ["2019-Q5", "2019-13", "19", "2019Q4", "2019-Q4; DROP"]) expect(parsePeriod(bad)).toBeNull();
  });
});

describe("periodsBetween", () => {
  it("lists a backfill's periods across years", () => {
    expect(
      periodsBetween(parsePeriod("2019-Q3")!, parsePeriod("2020-Q2")!).map((p) => `${p.year}-Q${p.index}`),
    ).toEqual(["2019-Q3", "2019-Q4", "2020-Q1", "2020-Q2"]);
    expect(periodsBetween(parsePeriod("2019")!, parsePeriod("2021")!).map((p) => p.year)).toEqual([2019, 2020, 2021]);
    expect(() => periodsBetween(parsePeriod("2019")!, parsePeriod("2020-Q1")!)).toThrow(/same kind/);
  });
});
