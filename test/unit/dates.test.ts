import {
  dayNumber,
  endOfDayInRome,
  fromDayNumber,
  isCalendarDate,
  isWithin,
  todayInRome,
  romeDateOfInstant,
} from "../../src/dates";

describe("todayInRome", () => {
  it("gives Milan's calendar date, not the server's or UTC's", () => {
    // 23:30 UTC on 31 December is already 1 January in Milan (UTC+1 in winter).
    expect(todayInRome(new Date("2019-12-31T23:30:00Z"))).toBe("2020-01-01");
    // 22:30 UTC on 30 June is 00:30 on 1 July in Milan (UTC+2 in summer).
    expect(todayInRome(new Date("2019-06-30T22:30:00Z"))).toBe("2019-07-01");
  });
});

describe("isWithin", () => {
  it("includes both ends and treats null as open", () => {
    expect(isWithin("2019-09-09", "2019-09-09", null)).toBe(true);
    expect(isWithin("2019-09-08", "2019-09-09", null)).toBe(false);
    expect(isWithin("2019-09-08", null, "2019-09-08")).toBe(true);
    expect(isWithin("2019-09-09", null, "2019-09-08")).toBe(false);
  });
});

describe("endOfDayInRome", () => {
  it("is midnight in Milan at the end of the day, in winter and in summer", () => {
    expect(endOfDayInRome("2019-12-31").toISOString()).toBe("2019-12-31T23:00:00.000Z");
    expect(endOfDayInRome("2019-07-31").toISOString()).toBe("2019-07-31T22:00:00.000Z");
  });
});

describe("dayNumber", () => {
  it("counts days from 1970-01-01 as Date.UTC does, day by day over four centuries, and back", () => {
    const mismatches: string[] = [];
    for (let utc = Date.UTC(1800, 0, 1); utc <= Date.UTC(2200, 11, 31); utc += 86_400_000) {
      const date = new Date(utc).toISOString().slice(0, 10);
      const expected = utc / 86_400_000;
      if (dayNumber(date) !== expected || fromDayNumber(expected) !== date) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2020-03-01") - dayNumber("2020-02-28")).toBe(2);
  });
});

describe("romeDateOfInstant", () => {
  it("gives the time-zone database's date in Milan, hour by hour from 2016 to 2030, summer time changes included", () => {
    const rome = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Rome",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const disagree: string[] = [];
    for (let ms = Date.UTC(2016, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 3_600_000)
      if (romeDateOfInstant(ms) !== rome.format(new Date(ms))) disagree.push(new Date(ms).toISOString());
    expect(disagree).toEqual([]);
  });

  it("dates the last half hour of 31 March 2019 in April: 22:30 UTC is 00:30 in summer time", () => {
    expect(romeDateOfInstant(Date.UTC(2019, 2, 31, 22, 30))).toBe("2019-04-01");
    expect(romeDateOfInstant(Date.UTC(2019, 2, 30, 22, 30))).toBe("2019-03-30");
    // Before 1996 Italy's summer time followed other rules: the time-zone database answers (30 Sep 1990 was still summer).
    expect(romeDateOfInstant(Date.UTC(1990, 8, 29, 22, 30))).toBe("1990-09-30");
  });
});

describe("isCalendarDate", () => {
  it("knows month lengths and the Gregorian leap years", () => {
    expect([
      isCalendarDate(2019, 12, 31),
      isCalendarDate(2019, 2, 29),
      isCalendarDate(2020, 2, 29),
      isCalendarDate(1900, 2, 29),
      isCalendarDate(2000, 2, 29),
    ]).toEqual([true, false, true, false, true]);
    expect([
      isCalendarDate(2019, 4, 31),
      isCalendarDate(2019, 13, 1),
      isCalendarDate(2019, 0, 10),
      isCalendarDate(2019, 6, 0),
    ]).toEqual([false, false, false, false]);
  });
});
