import { isWithin } from "../dates";

export interface UnitSpan {
  id: number;
  predecessorId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The member of a unit's rename line (predecessors and successors) that existed on a date.
 * An objective owned by the Direzione Mobilità e Trasporti was, before its rename on 2019-09-09,
 * owned by the Direzione Mobilità, Ambiente ed Energia. Null when no member existed that day.
 */
export function unitOnDate(unitId: number, date: string, units: ReadonlyMap<number, UnitSpan>): number | null {
  const successors = new Map<number, UnitSpan>();
  for (const unit of units.values()) if (unit.predecessorId !== null) successors.set(unit.predecessorId, unit);

  let unit = units.get(unitId);
  const visited = new Set<number>();
  while (unit && !visited.has(unit.id)) {
    visited.add(unit.id);
    if (isWithin(date, unit.validFrom, unit.validTo)) return unit.id;
    unit =
      unit.validFrom !== null && date < unit.validFrom
        ? unit.predecessorId === null
          ? undefined
          : units.get(unit.predecessorId)
        : successors.get(unit.id);
  }
  return null;
}
