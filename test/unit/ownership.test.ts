import { PlanChangeKind, PlanElement } from "../../entities/enums";
import { OwnershipChange, ownerOnDate, owningUnitOn } from "../../src/plan/ownership";

const created = (to: number, date: string, order = 1): OwnershipChange => ({
  kind: PlanChangeKind.CREATED,
  toUnitId: to,
  effectiveDate: date,
  order,
});
const transferred = (to: number, date: string, order = 2): OwnershipChange => ({
  kind: PlanChangeKind.TRANSFERRED,
  toUnitId: to,
  effectiveDate: date,
  order,
});

describe("ownerOnDate", () => {
  // Direzione Generale (10) created the objective; the reorganisation moved it to Servizi Civici (20) on 2019-09-09.
  const history = [created(10, "2019-01-01"), transferred(20, "2019-09-09")];

  it("answers the creating unit before the transfer", () => {
    expect(ownerOnDate(history, "2019-08-01")).toBe(10);
  });

  it("answers the receiving unit from the transfer's effective date", () => {
    expect(ownerOnDate(history, "2019-09-09")).toBe(20);
    expect(ownerOnDate(history, "2019-12-31")).toBe(20);
  });

  it("answers no owner before the objective was created", () => {
    expect(ownerOnDate([created(10, "2019-09-09")], "2019-08-01")).toBeNull();
  });

  it("answers no owner once the objective is removed", () => {
    const removed: OwnershipChange = {
      kind: PlanChangeKind.REMOVED,
      toUnitId: 30,
      effectiveDate: "2019-12-06",
      order: 3,
    };
    expect(ownerOnDate([...history, removed], "2019-12-05")).toBe(20);
    expect(ownerOnDate([...history, removed], "2019-12-06")).toBeNull();
  });

  it("does not move ownership on a rename or an update", () => {
    const renamed: OwnershipChange = {
      kind: PlanChangeKind.RENAMED,
      toUnitId: null,
      effectiveDate: "2019-10-01",
      order: 3,
    };
    const updated: OwnershipChange = {
      kind: PlanChangeKind.UPDATED,
      toUnitId: null,
      effectiveDate: "2019-11-01",
      order: 4,
    };
    expect(ownerOnDate([...history, renamed, updated], "2019-12-31")).toBe(20);
  });

  it("applies changes in date order whatever order they are given in, and same-day changes in act order", () => {
    const sameDay = [transferred(30, "2019-09-09", 3), transferred(20, "2019-09-09", 2), created(10, "2019-01-01", 1)];
    expect(ownerOnDate(sameDay, "2019-09-09")).toBe(30);
  });
});

describe("ownership and the schede", () => {
  it("is not moved by a change to a KPI or a phase, which names no unit", () => {
    const changes = [
      { kind: PlanChangeKind.CREATED, toUnitId: 7, effectiveDate: "2019-01-01", order: 1 },
      { kind: PlanChangeKind.CREATED, element: PlanElement.KPI, toUnitId: null, effectiveDate: "2019-03-01", order: 2 },
      {
        kind: PlanChangeKind.REMOVED,
        element: PlanElement.PHASE,
        toUnitId: null,
        effectiveDate: "2019-04-01",
        order: 3,
      },
    ];
    expect(ownerOnDate(changes, "2019-12-31")).toBe(7);
  });
});

describe("owningUnitOn", () => {
  // The plan gives the objective to Mobilità e Trasporti (2), the name Mobilità, Ambiente ed Energia (1) took on 2019-09-09.
  const units = new Map([
    [1, { id: 1, predecessorId: null, validFrom: null, validTo: "2019-09-08" }],
    [2, { id: 2, predecessorId: 1, validFrom: "2019-09-09", validTo: null }],
  ]);
  const changes = [{ id: 7, kind: PlanChangeKind.CREATED, toUnitId: 2, effectiveDate: "2019-01-01" }];

  it("answers the owner under the name it had on the date", () => {
    expect(owningUnitOn(changes, "2019-08-01", units)).toBe(1);
    expect(owningUnitOn(changes, "2019-12-31", units)).toBe(2);
  });

  it("answers no unit before the objective was created", () => {
    expect(owningUnitOn(changes, "2018-12-31", units)).toBeNull();
  });
});
