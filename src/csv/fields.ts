import { isCalendarDate, isIsoDay, romeDateOfInstant, twoDigits } from "../dates";

/**
 * Readers for fields as Italian systems write them (decimal commas, dd/mm/yyyy), from a CSV row or
 * a row of a SQL or JSON source alike.
 */

/** A field a row's reader could not read: the reader keeps the row with this reason, or refuses it. */
export class RowProblem extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    // A row's problem is data, not a fault in the code: no stack to capture, as a run meets thousands.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${field}: ${problem}`);
    Error.stackTraceLimit = stackTraceLimit;
    this.field = field;
  }
}

const isPrintableAscii = (code: number) => code > 32 && code < 127;

/*
 * Each reader has two forms: by the field's name (`date(fields, "created_at")`), and by its value
 * (`dateValue(fields.created_at, "created_at")`), for a job reading millions of rows: a property
 * read by a name known in the code is far cheaper than one looked up by a name passed in.
 */

/** The field as trimmed text; null when it is missing or blank. */
export function text(fields: Record<string, unknown>, name: string): string | null {
  return textValue(fields[name]);
}

/** See text. */
export function textValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // The common case, text with nothing to trim (printable ASCII at both ends), is returned as it is.
  if (
    typeof value === "string" &&
    isPrintableAscii(value.charCodeAt(0)) &&
    isPrintableAscii(value.charCodeAt(value.length - 1))
  )
    return value;
  // A field is whatever the CSV, the SQL driver or the JSON gives (text, a number, a Date…): String() reads it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const trimmed = String(value).trim();
  return trimmed === "" ? null : trimmed;
}

export function requiredText(fields: Record<string, unknown>, name: string): string {
  return requiredTextValue(fields[name], name);
}

/** See requiredText. */
export function requiredTextValue(raw: unknown, name: string): string {
  const value = textValue(raw);
  if (value === null) throw new RowProblem(name, "is missing");
  return value;
}

/**
 * A key that rows are grouped by (an invoice, an intervention): the field's text with the spaces
 * at its ends cut, and only spaces, as SQL's TRIM cuts them, so that a SQL source ordering by
 * TRIM(field) hands each key's rows together ("z9" and " z9" are one invoice, in any source).
 */
export function groupKey(fields: Record<string, unknown>, name: string): string {
  requiredText(fields, name); // refuses a missing or blank key
  const key = String(fields[name]);
  return key.charCodeAt(0) === 32 || key.charCodeAt(key.length - 1) === 32 ? key.replace(/^ +| +$/g, "") : key;
}

/** "1.234,56", "1234.56" or a number → integer cents. */
export function amountCents(fields: Record<string, unknown>, name: string, required = true): number {
  const raw = fields[name];
  if (typeof raw === "number") return Math.round(raw * 100);
  const plain = typeof raw === "string" ? plainDecimalCents(raw) : null;
  if (plain !== null) return plain;
  const value = text(fields, name);
  if (value === null) {
    if (required) throw new RowProblem(name, "is missing");
    return 0;
  }
  const normalised =
    /,\d{1,2}$/.test(value) || value.includes(",") ? value.replace(/\./g, "").replace(",", ".") : value;
  if (!/^-?\d+(\.\d{1,2})?$/.test(normalised))
    throw new RowProblem(name, `"${value}" is not an amount in euro (e.g. 1.234,56)`);
  const [units, cents = ""] = normalised.replace("-", "").split(".");
  const total = Number(units) * 100 + Number(cents.padEnd(2, "0"));
  return normalised.startsWith("-") ? -total : total;
}

/**
 * Cents of an amount written exactly as a DECIMAL(…,2) column gives it ("1234.50", at most 13
 * digits before the point), by its characters; null for any other form, which the general reader
 * takes. A job reads one or two amounts a row, millions of rows.
 */
function plainDecimalCents(value: string): number | null {
  const point = value.length - 3;
  if (point < 1 || point > 13 || value.charCodeAt(point) !== 46) return null;
  let cents = 0;
  for (let at = 0; at < value.length; at += 1) {
    if (at === point) continue;
    const digit = value.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return null;
    cents = cents * 10 + digit;
  }
  return cents;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ITALIAN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;
/** What may follow the day: a time of day (a DATETIME, "10:00", seconds and their fraction), and a zone only as Z or ±hh:mm. */
const TIME_OF_DAY = /^(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?$/;
const INSTANT = /^[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)? ?(Z|[+-]\d{2}:?\d{2})$/;
const ITALIAN_TIME = /^ (\d{1,2})[:.](\d{2})(?::(\d{2}))?$/;

const notADate = (name: string, value: string) =>
  new RowProblem(name, `"${value}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`);

/**
 * A source's date or instant as its date in Milan (DESIGN.md §3: days are Milan's):
 * - "31/12/2019", "2019-12-31": that day;
 * - with a time and no zone ("2019-12-31 23:30:00", a DATETIME column; "31/12/2019 10:00"): a
 *   time in Milan, so that day;
 * - with a zone ("2019-12-31T23:30:00Z", "…+01:00"): the instant, dated in Milan ("…T23:30Z" is
 *   1 January); any other zone ("EST", a name) cannot be read and refuses the row;
 * - a Date (a driver's instant): dated in Milan, not by UTC.
 */
export function date(fields: Record<string, unknown>, name: string, required = true): string | null {
  return dateValue(fields[name], name, required);
}

/** See date. */
export function dateValue(raw: unknown, name: string, required = true): string | null {
  // A DATE column's text, the common case, is already the day.
  if (typeof raw === "string" && isIsoDay(raw)) return raw;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) throw new RowProblem(name, "is not a valid date");
    return romeDateOfInstant(raw.getTime());
  }
  const value = textValue(raw);
  if (value === null) {
    if (required) throw new RowProblem(name, "is missing");
    return null;
  }
  // Checked digit by digit, not through Date: a job reads millions of dates.
  const iso = ISO_DATE.exec(value);
  const italian = iso ? null : ITALIAN_DATE.exec(value);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : italian
      ? [italian[3], italian[2], italian[1]].map(Number)
      : [0, 0, 0];
  if (!isCalendarDate(year, month, day)) throw notADate(name, value);
  const dayText = `${String(year).padStart(4, "0")}-${twoDigits(month)}-${twoDigits(day)}`;
  const rest = value.slice((iso ?? italian)![0].length);
  if (rest === "") return dayText;
  if (italian) {
    const time = ITALIAN_TIME.exec(rest);
    if (!time || !isTimeOfDay(time[1], time[2], time[3])) throw notADate(name, value);
    return dayText;
  }
  const local = TIME_OF_DAY.exec(rest);
  if (local) {
    if (!isTimeOfDay(local[1], local[2], local[3])) throw notADate(name, value);
    return dayText;
  }
  const instant = INSTANT.exec(rest);
  if (!/^[T ]\d{2}:\d{2}/.test(rest) || (instant && !isTimeOfDay(instant[1], instant[2], instant[3])))
    throw notADate(name, value);
  if (!instant)
    throw new RowProblem(
      name,
      `"${value}" is not a date or an instant we can read: a time zone must be Z or ±hh:mm (e.g. 2019-12-31T23:30:00+01:00)`,
    );
  const zone = instant[5];
  const offsetMinutes =
    zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utc =
    Date.UTC(year, month - 1, day, Number(instant[1]), Number(instant[2]), Number(instant[3] ?? 0)) -
    offsetMinutes * 60_000;
  return romeDateOfInstant(utc);
}

/** Hours 0-23 (24:00 is not a time of day), minutes and seconds 0-59; absent parts pass. */
function isTimeOfDay(hours?: string, minutes?: string, seconds?: string): boolean {
  return (
    (hours === undefined || Number(hours) <= 23) &&
    (minutes === undefined || Number(minutes) <= 59) &&
    (seconds === undefined || Number(seconds) <= 59)
  );
}

export function wholeNumber(fields: Record<string, unknown>, name: string): number | null {
  return wholeNumberValue(fields[name], name);
}

/** See wholeNumber. */
export function wholeNumberValue(raw: unknown, name: string): number | null {
  // An INTEGER column's value, as the SQL drivers give it.
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw <= 999_999) return Math.abs(raw); // -0 as 0
  const value = textValue(raw);
  if (value === null) return null;
  if (!/^\d{1,6}$/.test(value)) throw new RowProblem(name, `"${value}" is not a whole number of days`);
  return Number(value);
}

/** A whole number within [min, max], such as a year: "2018,5" or "2018.0" is refused, never rounded. */
export function integer(fields: Record<string, unknown>, name: string, min: number, max: number, what: string): number {
  const raw = text(fields, name) ?? "";
  const value = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || value < min || value > max)
    throw new RowProblem(name, `"${raw}" non è ${what} (un numero intero da ${min} a ${max})`);
  return value;
}

/** "0,5", "0.5" or blank (then `fallback`, if given): a number within [min, max]. */
export function decimal(
  fields: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  fallback: number | null = null,
): number {
  const raw = text(fields, name) ?? "";
  if (raw === "" && fallback !== null) return fallback;
  const value = Number(raw.replace(",", "."));
  if (raw === "" || !Number.isFinite(value) || value < min || value > max)
    throw new RowProblem(name, `"${raw}" is not a number between ${min} and ${max}`);
  return value;
}
