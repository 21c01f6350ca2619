import { ratioAsStoredDecimal } from "../../jobs/formulas/exact-ratio";
import { roundForDisplay } from "../../src/display-decimal";

describe("a ratio kept at the stored precision", () => {
  it("keeps six places, the sixth rounded half away from zero", () => {
    expect(ratioAsStoredDecimal(-700_000_000, 380_000)).toBe("-1842.105263"); // −7000/3.8 = −1842.1052631…
    expect(ratioAsStoredDecimal(-2000, 4300)).toBe("-0.465116"); // −0.46511627… → 6th place 6, next 2: down
    expect(ratioAsStoredDecimal(2, 3)).toBe("0.666667"); // 0.6666666… → up
    expect(ratioAsStoredDecimal(1, 16_000_000)).toBe("0"); // 0.0000000625 → 0
    expect(ratioAsStoredDecimal(1, 2_000_000)).toBe("0.000001"); // 0.0000005: half, away from zero
    expect(ratioAsStoredDecimal(-1, 2_000_000)).toBe("-0.000001");
    expect(ratioAsStoredDecimal(-1, 16_000_000)).toBe("0"); // no "-0"
    expect(ratioAsStoredDecimal(25, 10)).toBe("2.5");
    expect(() => ratioAsStoredDecimal(1, 0)).toThrow(RangeError);
  });
});

describe("a stored decimal rounded for display", () => {
  it("rounds half away from zero on the digits, as toFixed does not", () => {
    expect(roundForDisplay("1.005")).toBe("1.01"); // (1.005).toFixed(2) is "1.00": 1.005 is 1.00499… in binary
    expect(roundForDisplay("-1.845")).toBe("-1.85");
    expect(roundForDisplay("-1.842105")).toBe("-1.84");
    expect(roundForDisplay("-0.465116")).toBe("-0.47");
    expect(roundForDisplay("0.125")).toBe("0.13");
    expect(roundForDisplay("-0.004")).toBe("0.00"); // no "-0.00"
    expect(roundForDisplay("9.995")).toBe("10.00");
    expect(roundForDisplay("10")).toBe("10.00");
    expect(roundForDisplay("2.5", 0)).toBe("3");
    expect(roundForDisplay("-2.5", 0)).toBe("-3");
  });
});
