import Holidays from "date-holidays";
import { dayNumber } from "../../src/dates";

/**
 * Days between two calendar dates, as the service level counts them: calendar days (the general
 * term of L. 241/1990), or working days that skip weekends, Italian public holidays and Milan's
 * patron saint (Sant'Ambrogio, 7 December).
 */
export type DayCount = "CALENDAR" | "WORKING";

const DAY_MS = 86_400_000;
const milan = new Holidays("IT", "25", "MI");
const holidayCache = new Map<number, Set<number>>();

function holidaysOf(year: number): Set<number> {
  if (!holidayCache.has(year)) {
    const days = milan
      .getHolidays(year)
      .filter((h) => h.type === "public")
      .map((h) => dayNumber(h.date.slice(0, 10)));
    holidayCache.set(year, new Set(days));
  }
  return holidayCache.get(year)!;
}

export function isWorkingDay(day: number): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaysOf(new Date(day * DAY_MS).getUTCFullYear()).has(day);
}

/** Days from `from` to `to` (0 on the same day); working days count the days after `from` up to `to`. */
export function daysBetween(from: string, to: string, count: DayCount = "CALENDAR"): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (count === "CALENDAR" || end <= start) return end - start;
  let days = 0;
  for (let day = start + 1; day <= end; day += 1) if (isWorkingDay(day)) days += 1;
  return days;
}
