/** Calendar dates are 'YYYY-MM-DD' strings; comparing them as strings compares the dates. */

const ROME_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

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

const DAY_MS = 86_400_000;

/** 3 → "03": months and days in 'YYYY-MM-DD'. */
export const twoDigits = (n: number) => String(n).padStart(2, "0");

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

const isDigit = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
};

/**
 * Whether the text is exactly a day written 'YYYY-MM-DD', as a DATE column gives it, checked by its
 * characters: the job readers' common case, millions of times a run, where a regular expression
 * and rebuilding the text took most of a row's parsing.
 */
export function isIsoDay(text: string): boolean {
  return (
    text.length === 10 &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    isDigit(text, 0) &&
    isDigit(text, 1) &&
    isDigit(text, 2) &&
    isDigit(text, 3) &&
    isDigit(text, 5) &&
    isDigit(text, 6) &&
    isDigit(text, 8) &&
    isDigit(text, 9) &&
    isCalendarDate(
      digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3),
      digit(text, 5) * 10 + digit(text, 6),
      digit(text, 8) * 10 + digit(text, 9),
    )
  );
}

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' date, by arithmetic on its digits (H. Hinnant's
 * days_from_civil): jobs call it for millions of source rows, where slicing into Date.UTC took a
 * sixth of a run. A unit test checks it against Date.UTC day by day over four centuries.
 */
export function dayNumber(date: string): number {
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  // Years counted from March, so that the leap day ends the year.
  const year =
    digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return (
    era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
  );
}

/** The 'YYYY-MM-DD' date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whether the year, month (1-12) and day make a date of the Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

const HOUR_MS = 3_600_000;

/** The 'YYYY-MM-DD' of a day number by arithmetic (H. Hinnant's civil_from_days), for the hot path below. */
function civilDate(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${twoDigits(m)}-${twoDigits(d)}`;
}

/** 00:00 UTC of the last Sunday of a month (0-11), in ms. */
function lastSundayUtc(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY_MS;
}

/** The year last asked about: its bounds and when summer time starts and ends in it, in ms. */
let cachedYear = { from: 0, to: 0, summerFrom: 0, summerTo: 0 };

/**
 * The date in Milan of an instant (ms since the epoch). Milan is UTC+1, and UTC+2 from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule, Italy's
 * since 1996): worked out by arithmetic, since jobs date hundreds of thousands of instants and the
 * time-zone database costs about 2 µs a call; outside 1996-2037 it asks the database. A unit test
 * holds the two to the same answer hour by hour.
 */
export function romeDateOfInstant(ms: number): string {
  if (ms < cachedYear.from || ms >= cachedYear.to) {
    const year = Number(civilDate(Math.floor(ms / DAY_MS)).slice(0, 4));
    if (year < 1996 || year > 2037) return todayInRome(new Date(ms));
    cachedYear = {
      from: Date.UTC(year, 0, 1),
      to: Date.UTC(year + 1, 0, 1),
      summerFrom: lastSundayUtc(year, 2) + HOUR_MS,
      summerTo: lastSundayUtc(year, 9) + HOUR_MS,
    };
  }
  const summer = ms >= cachedYear.summerFrom && ms < cachedYear.summerTo;
  return civilDate(Math.floor((ms + (summer ? 2 : 1) * HOUR_MS) / DAY_MS));
}
