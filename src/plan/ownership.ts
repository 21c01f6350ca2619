import { PlanChangeKind, PlanElement } from "../../entities/enums";
import { UnitSpan, unitOnDate } from "../organisation/lineage";

export interface OwnershipChange {
  kind: PlanChangeKind;
  /** What the change touched; a change to an element of the scheda (a KPI, a phase) moves no ownership. */
  element?: PlanElement;
  toUnitId: number | null;
  effectiveDate: string;
  /** Breaks ties between changes effective the same day: the later act wins. */
  order: number;
}

/**
 * Which unit owned an objective on a date, from the plan changes: the last creation or transfer in
 * effect that day, unless a removal came after it. Null when it was not (or no longer) in the plan.
 * Renames and updates do not move ownership.
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

/**
 * The unit that owned an objective on a date, as the organisation stood that day: an owner renamed
 * since is the unit of its rename line that existed then. Changes of the same day follow their ids.
 */
export function owningUnitOn(
  changes: ReadonlyArray<Omit<OwnershipChange, "order"> & { id: number }>,
  date: string,
  units: ReadonlyMap<number, UnitSpan>,
): number | null {
  const owner = ownerOnDate(
    changes.map((c) => ({ ...c, order: c.id })),
    date,
  );
  return owner === null ? null : unitOnDate(owner, date, units);
}
