import {
  calendarDate,
  CellProblem,
  codeList,
  decimal,
  percentAsFraction,
  requiredCode,
  targetValue,
  years,
} from "../../src/plan-import/sheets/cells";

describe("cells as Italian sheets write them", () => {
  it("reads decimal commas, thousands points, per cent signs and Excel numbers as canonical decimals", () => {
    expect(decimal("0,5")).toBe("0.5");
    expect(decimal("1.234,50")).toBe("1234.5");
    expect(decimal("2.000.000,00")).toBe("2000000");
    expect(decimal("70%")).toBe("70");
    expect(decimal(" 12 ")).toBe("12");
    expect(decimal("0.25")).toBe("0.25");
    expect(decimal(0.1 + 0.2)).toBe("0.3");
    expect(decimal(-3.25)).toBe("-3.25");
    expect(decimal("")).toBeNull();
    expect(decimal(null)).toBeNull();
  });

  it('refuses "1.500" (thousands or decimals?), words, and more than 6 decimals', () => {
    expect(() => decimal("1.500")).toThrow(/ambiguo: scrivete 1500 se sono migliaia/);
    expect(() => decimal("settanta")).toThrow(CellProblem);
    expect(() => decimal("0,1234567")).toThrow(/più di 6 decimali/);
  });

  it("keeps weights as fractions: peso 40 → 0.4, 33,33 → 0.3333, 100 → 1, 0 → 0", () => {
    expect(percentAsFraction(40)).toBe("0.4");
    expect(percentAsFraction("33,33")).toBe("0.3333");
    expect(percentAsFraction("100")).toBe("1");
    expect(percentAsFraction(0)).toBe("0");
    expect(percentAsFraction("2,5")).toBe("0.025");
    expect(() => percentAsFraction("-10")).toThrow(/negativo/);
    expect(() => percentAsFraction("33,33333")).toThrow(/più di 4 decimali/);
    expect(() => percentAsFraction(null)).toThrow(/obbligatoria/);
  });

  it('reads a strict target "> 70" and "< 5", and a plain one', () => {
    expect(targetValue("> 70")).toEqual({ value: "70", comparison: ">" });
    expect(targetValue("<5,5")).toEqual({ value: "5.5", comparison: "<" });
    expect(targetValue(80)).toEqual({ value: "80", comparison: null });
    expect(targetValue(null)).toBeNull();
  });

  it("reads dd/mm/yyyy, yyyy-mm-dd and Excel date cells, and refuses 31/02", () => {
    expect(calendarDate("30/6/2019")).toBe("2019-06-30");
    expect(calendarDate("2019-06-30")).toBe("2019-06-30");
    expect(calendarDate(new Date(Date.UTC(2019, 5, 30)))).toBe("2019-06-30");
    expect(() => calendarDate("31/02/2019")).toThrow(/non è una data: scrivete gg\/mm\/aaaa/);
    expect(() => calendarDate(43646)).toThrow(CellProblem);
  });

  it("reads years as lists and ranges, codes in capitals", () => {
    expect(years("2019, 2020")).toEqual([2019, 2020]);
    expect(years("2019-2021")).toEqual([2019, 2020, 2021]);
    expect(years(2020)).toEqual([2020]);
    expect(() => years("duemila")).toThrow(/non è un anno/);
    expect(requiredCode(" dir-edu-2019-3 ")).toBe("DIR-EDU-2019-3");
    expect(() => requiredCode("DIR EDU")).toThrow(/non è un codice/);
    expect(codeList("EDU, bil; SCPS")).toEqual(["EDU", "BIL", "SCPS"]);
  });
});
