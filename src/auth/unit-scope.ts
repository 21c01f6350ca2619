import { dayNumber, isWithin } from "../dates";
import { UnitGrant } from "./caller";

export interface ScopedUnit {
  id: number;
  code: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Whether a unit manager answers for a unit on a date: one of their grants names that unit, or a
 * unit above it in the organisation as it stood that day; the granted unit existed that day; and
 * the grant had started by then. A sibling, or a date before the unit was theirs, is refused.
 */
export function answersFor(
  grants: readonly UnitGrant[],
  unitId: number,
  date: string,
  units: ReadonlyMap<number, ScopedUnit>,
): boolean {
  const ancestry = new Set<number>();
  let unit = units.get(unitId);
  while (unit && isWithin(date, unit.validFrom, unit.validTo) && !ancestry.has(unit.id)) {
    ancestry.add(unit.id);
    unit = unit.parentId === null ? undefined : units.get(unit.parentId);
  }
  return grants.some((grant) => {
    if (grant.from !== null && dayNumber(date) < dayNumber(grant.from)) return false;
    return [...ancestry].some((id) => units.get(id)!.code === grant.code);
  });
}
