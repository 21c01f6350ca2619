import { answersFor, ScopedUnit } from "../../src/auth/unit-scope";

// Direzione Operativa (1) with, from 2019-09-09, the Direzione Specialistica Incassi e Riscossione (2)
// under it; Educazione (3) and Cultura (4) are siblings at the top.
const units = new Map<number, ScopedUnit>([
  [1, { id: 1, code: "DO", parentId: null, validFrom: null, validTo: null }],
  [2, { id: 2, code: "DSIR", parentId: 1, validFrom: "2019-09-09", validTo: null }],
  [3, { id: 3, code: "EDU", parentId: null, validFrom: null, validTo: null }],
  [4, { id: 4, code: "CULT", parentId: null, validFrom: null, validTo: null }],
]);

describe("answersFor", () => {
  it("lets a manager record for their own unit", () => {
    expect(answersFor([{ code: "EDU", from: null }], 3, "2019-12-31", units)).toBe(true);
  });

  it("refuses a sibling unit", () => {
    expect(answersFor([{ code: "EDU", from: null }], 4, "2019-12-31", units)).toBe(false);
  });

  it("lets the manager of a unit record for the units under it on that date", () => {
    expect(answersFor([{ code: "DO", from: null }], 2, "2019-12-31", units)).toBe(true);
  });

  it("refuses a date before the unit under them existed", () => {
    expect(answersFor([{ code: "DO", from: null }], 2, "2019-06-30", units)).toBe(false);
  });

  it("refuses a date before the grant started", () => {
    expect(answersFor([{ code: "EDU", from: "2020-01-01" }], 3, "2019-12-31", units)).toBe(false);
    expect(answersFor([{ code: "EDU", from: "2020-01-01" }], 3, "2020-03-31", units)).toBe(true);
  });

  it("does not let the manager of a unit record for the unit above it", () => {
    expect(answersFor([{ code: "DSIR", from: null }], 1, "2019-12-31", units)).toBe(false);
  });
});
