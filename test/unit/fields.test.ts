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
