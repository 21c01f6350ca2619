import { amountCents, date } from "../../src/csv/fields";

const read = (value: unknown, required = true) => date({ d: value }, "d", required);

describe("date", () => {
  it("reads Italian and ISO dates, and Dates, to yyyy-mm-dd", () => {
    expect([
      read("31/12/2019"),
      read("1/2/2020"),
      read("29/02/2020"),
      read("2019-12-31"),
      read("2019-12-31 10:15:00"),
      read(new Date("2019-12-31T00:00:00Z")),
    ]).toEqual(["2019-12-31", "2020-02-01", "2020-02-29", "2019-12-31", "2019-12-31", "2019-12-31"]);
  });

  it("refuses what is not a day of the calendar, naming the field", () => {
    for (const bad of [
      "31/02/2019",
      "29/02/2019",
      "2019-13-01",
      "2019-04-31",
      "12/2019",
      "2019/12/31",
      "domani",
      "31-12-2019",
    ]) {
      expect(() => read(bad)).toThrow(`d: "${bad}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
    }
  });

  it("dates an instant with its zone in Milan, not in UTC: across midnight and the change of summer time", () => {
    expect([
      // Winter, UTC+1: 23:30 UTC on 31 December is 00:30 on 1 January in Milan; 22:30 UTC is still 31 December.
      read("2019-12-31T23:30Z"),
      read("2019-12-31T22:30:00Z"),
      read("2019-12-31T23:30:00+01:00"),
      read("2020-01-01T00:30:00.000+02:00"), // 22:30 UTC: 23:30 on 31 December in Milan
      read(new Date("2019-12-31T23:30:00Z")), // a driver's instant, by Milan's clock too
      // Summer time starts at 01:00 UTC on 31 March 2019: 22:30 UTC is 23:30 on the 30th (UTC+1) but
      // 00:30 on 1 April on the 31st (UTC+2), the next quarter.
      read("2019-03-30T22:30:00Z"),
      read("2019-03-31T22:30:00Z"),
      // It ends at 01:00 UTC on 27 October: 22:30 UTC on the 26th is 00:30 on the 27th, on the 27th 23:30 the same day.
      read("2019-10-26T22:30:00Z"),
      read("2019-10-27T22:30:00Z"),
      // Another zone is converted: 20:00 in New York on 31 December is 02:00 on 1 January in Milan.
      read("2019-12-31T20:00:00-05:00"),
      read("2019-12-31T20:00:00-0500"),
    ]).toEqual([
      "2020-01-01",
      "2019-12-31",
      "2019-12-31",
      "2019-12-31",
      "2020-01-01",
      "2019-03-30",
      "2019-04-01",
      "2019-10-27",
      "2019-10-27",
      "2020-01-01",
      "2020-01-01",
    ]);
  });

  it("reads a time without a zone (a DATETIME, an Italian date and time) as Milan's time of that day", () => {
    expect([
      read("2019-12-31 23:30:00"),
      read("2019-12-31T23:59:59.999"),
      read("31/12/2019 10:00"),
      read("31/12/2019 23:59:59"),
      read("1/1/2020 0.30"),
    ]).toEqual(["2019-12-31", "2019-12-31", "2019-12-31", "2019-12-31", "2020-01-01"]);
  });

  it("refuses a time that is not one, or a zone it cannot read, naming the field", () => {
    for (const bad of ["31/12/2019 25:00", "2019-12-31 24:00:00", "2019-12-31 10:61", "2019-12-31 domani"])
      expect(() => read(bad)).toThrow(`d: "${bad}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
    for (const bad of ["2019-12-31 23:30:00 EST", "2019-12-31T23:30:00 Europe/Rome", "2019-12-31T23:30+1"])
      expect(() => read(bad)).toThrow(
        `d: "${bad}" is not a date or an instant we can read: a time zone must be Z or ±hh:mm (e.g. 2019-12-31T23:30:00+01:00)`,
      );
  });

  it("is missing when blank, unless optional", () => {
    expect(() => read("  ")).toThrow("d: is missing");
    expect(read("", false)).toBeNull();
    expect(read(null, false)).toBeNull();
  });
});

describe("amountCents", () => {
  it("reads Italian and plain amounts to cents", () => {
    expect([
      amountCents({ a: "1.234,56" }, "a"),
      amountCents({ a: "1234.5" }, "a"),
      amountCents({ a: 12.34 }, "a"),
      amountCents({ a: "-3,00" }, "a"),
    ]).toEqual([123456, 123450, 1234, -300]);
  });
});
