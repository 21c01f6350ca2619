import { PlanChangeKind, PlanElement } from "../../entities/enums";

export interface OwnershipChange {
  kind: PlanChangeKind;
  toUnitId: number | null;
  effectiveDate: string;
  /** Breaks ties between changes effective the same day: the later act wins. */
  order: number;
  /** What the change touched (default: the objective itself). */
  element?: PlanElement;
}

/**
 * Which unit owned an objective on a date, from the plan changes: the last creation or transfer in
 * effect that day, unless a removal came after it. Null when it was not (or no longer) in the plan.
 * Renames and updates do not move ownership, nor do the changes to its scheda (a KPI created, a
 * phase removed): those are changes of the objective's elements, not of the objective.
 */
export function ownerOnDate(changes: readonly OwnershipChange[], date: string): number | null {
  let owner: number | null = null;
  const inEffect = changes
    .filter((c) => c.effectiveDate <= date && (c.element ?? PlanElement.OBJECTIVE) === PlanElement.OBJECTIVE)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.order - b.order);
  for (const change of inEffect) {
    if (change.kind === PlanChangeKind.CREATED || change.kind === PlanChangeKind.TRANSFERRED) owner = change.toUnitId;
    else if (change.kind === PlanChangeKind.REMOVED) owner = null;
  }
  return owner;
}
