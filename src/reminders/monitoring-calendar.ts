/** The monitoring dates of a year (DESIGN.md §7): 30 June, 30 September and the year's end. */
export const MONITORING_DAYS = ["06-30", "09-30", "12-31"] as const;

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/**
 * The monitoring date a reminder on `today` is about: the next one (today included) if it is at
 * most `daysBefore` days away; null when none is that close, and nobody is chased.
 */
export function nextMonitoringDate(today: string, daysBefore: number): string | null {
  const year = Number(today.slice(0, 4));
  const next = MONITORING_DAYS.map((day) => `${year}-${day}`).find((date) => date >= today);
  return next !== undefined && days(today, next) <= daysBefore ? next : null;
}
