import { PlanChangeKind, PlanElement } from "../../entities/enums";
import { OwnershipChange, ownerOnDate } from "../../src/plan/ownership";

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

  it("is not moved by changes to its scheda: a KPI created and a phase removed by a later act", () => {
    const scheda: OwnershipChange[] = [
      { kind: PlanChangeKind.CREATED, toUnitId: null, effectiveDate: "2019-10-01", order: 5, element: PlanElement.KPI },
      {
        kind: PlanChangeKind.REMOVED,
        toUnitId: null,
        effectiveDate: "2019-11-01",
        order: 6,
        element: PlanElement.PHASE,
      },
    ];
    expect(ownerOnDate([...history, ...scheda], "2019-12-31")).toBe(20);
  });
});
