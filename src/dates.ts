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
