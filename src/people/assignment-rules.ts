import { StaffCategory } from "../../entities/enums";
import { dayNumber, fromDayNumber } from "../dates";

export interface AssignmentTerms {
  unitId: number;
  validFrom: string;
  validTo: string | null;
  share: number;
  category: StaffCategory;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The years a stretch of dates touches; an open end runs to `lastYear`. */
function yearsOf(from: string, to: string | null, lastYear: number): number[] {
  const last = to === null ? Math.max(lastYear, yearOf(from)) : yearOf(to);
  return Array.from({ length: last - yearOf(from) + 1 }, (_, i) => yearOf(from) + i);
}

/**
 * The years whose figures an assignment written anew (or restated) changes: every year it touches,
 * or, when only its end moves, the years between the old end and the new. Closing an assignment at
 * the end of 2019 changes 2020 on, not a validated 2019.
 */
export function yearsChanged(before: AssignmentTerms | null, after: AssignmentTerms, lastYear: number): number[] {
  if (
    before === null ||
    before.unitId !== after.unitId ||
    before.share !== after.share ||
    before.category !== after.category
  )
    return [
      ...new Set([
        ...(before ? yearsOf(before.validFrom, before.validTo, lastYear) : []),
        ...yearsOf(after.validFrom, after.validTo, lastYear),
      ]),
    ];
  if (before.validTo === after.validTo) return [];
  const [earlier, later] = [before.validTo, after.validTo].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return yearsOf(fromDayNumber(dayNumber(earlier!) + 1), later, lastYear);
}

/**
 * The first day on which someone's assignments add up to more than full time, with that total;
 * null when they never do (two half-time assignments at once are fine, a promotion that leaves the
 * earlier assignment open is not).
 */
export function overbooked(assignments: readonly AssignmentTerms[]): { day: string; total: number } | null {
  const events = assignments.flatMap((a) => [
    { day: dayNumber(a.validFrom), change: a.share },
    ...(a.validTo === null ? [] : [{ day: dayNumber(a.validTo) + 1, change: -a.share }]),
  ]);
  events.sort((a, b) => a.day - b.day || a.change - b.change);
  let total = 0;
  for (const event of events) {
    total += event.change;
    if (total > 1 + 1e-9) return { day: fromDayNumber(event.day), total };
  }
  return null;
}
