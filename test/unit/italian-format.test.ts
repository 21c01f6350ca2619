import { italianDate, italianDecimal, italianInstant, italianNumber } from "../../src/italian-format";

describe("numbers, dates and instants written for people in the Comune", () => {
  it("writes numbers with a decimal comma and a thousands point, to four decimals at most", () => {
    expect(italianNumber(1234.5)).toBe("1.234,5");
    expect(italianNumber(0.83)).toBe("0,83");
    expect(italianNumber(2 / 3)).toBe("0,6667");
    expect(italianDecimal("70.25")).toBe("70,25");
    expect(italianDate("2019-12-31")).toBe("31/12/2019");
  });

  it("writes an instant as a clock in Milan shows it, across midnight and the change to summer time", () => {
    // 23:30 UTC on 31 December is 00:30 of the new year in Milan (UTC+1).
    expect(italianInstant(new Date("2019-12-31T23:30:00Z"))).toBe("01/01/2020 00:30");
    // On 31 March 2019 clocks went from 02:00 to 03:00: 01:30 UTC is 03:30 in Milan (UTC+2).
    expect(italianInstant(new Date("2019-03-31T01:30:00Z"))).toBe("31/03/2019 03:30");
    expect(italianInstant(new Date("2019-03-31T00:30:00Z"))).toBe("31/03/2019 01:30");
  });
});
