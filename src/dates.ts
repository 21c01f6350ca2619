/** Calendar dates are 'YYYY-MM-DD' strings; comparing them as strings compares the dates. */

const ROME_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Milan, whatever the server's time zone. */
export function todayInRome(now: Date = new Date()): string {
  return ROME_DATE.format(now);
}

/** Whether a date falls in a validity range whose open ends are null. */
export function isWithin(date: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= date) && (to === null || date <= to);
}

/** The first instant after a calendar day in Milan: things recorded before it were known that day. */
export function endOfDayInRome(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const day = next.toISOString().slice(0, 10);
  // Midnight in Milan is 23:00 or 22:00 UTC of the day before, depending on summer time.
  for (const offset of [1, 2]) {
    const candidate = new Date(`${day}T00:00:00+0${offset}:00`);
    if (todayInRome(candidate) === day && todayInRome(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  throw new Error(`No midnight found in Europe/Rome for ${day}`);
}
