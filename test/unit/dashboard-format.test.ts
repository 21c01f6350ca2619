import {
  decimalFromItalian,
  formatDate,
  formatKpiValue,
  formatNumber,
  formatScore,
  localDateFromItalian,
} from "../../web/src/format/italian";
import { scoreStatus } from "../../web/src/format/status";

/** How the dashboard writes and reads numbers and dates: as people in Italy do. */
describe("the dashboard's Italian formats", () => {
  it("writes numbers with a decimal comma and a thousands point, scores as percentages to one decimal", () => {
    expect(formatNumber(1234567.891)).toBe("1.234.567,89");
    expect(formatNumber("70")).toBe("70");
    expect(formatNumber(null)).toBe("—");
    // 0,7625 × 100 = 76,25, to one decimal half away from zero: 76,3.
    expect(formatScore(0.7625)).toBe("76,3%");
    expect(formatScore(0.76)).toBe("76%");
    expect(formatKpiValue("-3", "DAYS")).toBe("-3 gg");
    expect(formatKpiValue("1250000", "EUR")).toBe("1.250.000 €");
    expect(formatDate("2019-12-31")).toBe("31/12/2019");
  });

  it("reads a number typed the Italian way, or with a point, and nothing else", () => {
    expect(decimalFromItalian("1.234,5")).toBe("1234.5");
    expect(decimalFromItalian(" 63,5 ")).toBe("63.5");
    expect(decimalFromItalian("63.5")).toBe("63.5");
    expect(decimalFromItalian("-3")).toBe("-3");
    expect(decimalFromItalian("85%")).toBeNull();
    expect(decimalFromItalian("")).toBeNull();
  });

  it("reads dd/mm/yyyy as a day that exists, refusing 31 February", () => {
    expect(localDateFromItalian("31/12/2019")).toBe("2019-12-31");
    expect(localDateFromItalian("1/3/2020")).toBe("2020-03-01");
    expect(localDateFromItalian("29/02/2020")).toBe("2020-02-29");
    expect(localDateFromItalian("29/02/2019")).toBeNull();
    expect(localDateFromItalian("31/02/2019")).toBeNull();
    expect(localDateFromItalian("2019-12-31")).toBeNull();
  });

  it("says incompleto while an input is missing, never reading it as 0", () => {
    expect(scoreStatus("INCOMPLETE", null)).toBe("incompleto");
    expect(scoreStatus("INCOMPLETE", 0.5)).toBe("incompleto");
    expect(scoreStatus("SCORED", 1)).toBe("raggiunto");
    expect(scoreStatus("SCORED", 0.85)).toBe("parziale");
    expect(scoreStatus("SCORED", 0)).toBe("non-raggiunto");
  });
});
