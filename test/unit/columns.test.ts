import { canonicalDecimal } from "../../entities/columns";

describe("canonicalDecimal", () => {
  it("reads MySQL's padded decimals and SQLite's numbers as the same string", () => {
    expect(canonicalDecimal("70.000000")).toBe("70");
    expect(canonicalDecimal(70)).toBe("70");
    expect(canonicalDecimal("-3.250000")).toBe("-3.25");
    expect(canonicalDecimal(-3.25)).toBe("-3.25");
    expect(canonicalDecimal("1200")).toBe("1200");
    expect(canonicalDecimal("0.000000")).toBe("0");
  });
});
