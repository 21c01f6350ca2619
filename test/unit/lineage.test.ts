import { unitOnDate, UnitSpan } from "../../src/organisation/lineage";

// Mobilità, Ambiente ed Energia (1) was renamed Mobilità e Trasporti (2) on 2019-09-09;
// Transizione Ambientale (3) was created that day with no predecessor.
const units = new Map<number, UnitSpan>([
  [1, { id: 1, predecessorId: null, validFrom: null, validTo: "2019-09-08" }],
  [2, { id: 2, predecessorId: 1, validFrom: "2019-09-09", validTo: null }],
  [3, { id: 3, predecessorId: null, validFrom: "2019-09-09", validTo: null }],
]);

describe("unitOnDate", () => {
  it("walks back to the predecessor before a rename", () => {
    expect(unitOnDate(2, "2019-08-01", units)).toBe(1);
  });

  it("walks forward to the successor after a rename", () => {
    expect(unitOnDate(1, "2019-12-31", units)).toBe(2);
  });

  it("keeps the unit on the first and last day of its validity", () => {
    expect(unitOnDate(2, "2019-09-09", units)).toBe(2);
    expect(unitOnDate(1, "2019-09-08", units)).toBe(1);
  });

  it("gives no unit before a unit that has no predecessor existed", () => {
    expect(unitOnDate(3, "2019-08-01", units)).toBeNull();
  });

  it("gives no unit for an id it does not know", () => {
    expect(unitOnDate(99, "2019-08-01", units)).toBeNull();
  });

  it("stops on a predecessor cycle instead of looping", () => {
    const cyclic = new Map<number, UnitSpan>([
      [1, { id: 1, predecessorId: 2, validFrom: "2020-01-01", validTo: null }],
      [2, { id: 2, predecessorId: 1, validFrom: "2020-01-01", validTo: null }],
    ]);
    expect(unitOnDate(1, "2019-01-01", cyclic)).toBeNull();
  });
});
