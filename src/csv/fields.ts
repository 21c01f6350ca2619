import { isCalendarDate, twoDigits } from "../dates";

/**
 * Readers for fields as Italian systems write them (decimal commas, dd/mm/yyyy), from a CSV row or
 * a row of a SQL or JSON source alike.
 */

/** A field a row's reader could not read: the reader keeps the row with this reason, or refuses it. */
export class RowProblem extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** The field as trimmed text; null when it is missing or blank. */
export function text(fields: Record<string, unknown>, name: string): string | null {
  const value = fields[name];
  if (value === null || value === undefined) return null;
  // A field is whatever the CSV, the SQL driver or the JSON gives (text, a number, a Date…): String() reads it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const trimmed = String(value).trim();
  return trimmed === "" ? null : trimmed;
}

export function requiredText(fields: Record<string, unknown>, name: string): string {
  const value = text(fields, name);
  if (value === null) throw new RowProblem(name, "is missing");
  return value;
}

/** "1.234,56", "1234.56" or a number → integer cents. */
export function amountCents(fields: Record<string, unknown>, name: string, required = true): number {
  const raw = fields[name];
  if (typeof raw === "number") return Math.round(raw * 100);
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const ITALIAN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "31/12/2019", "2019-12-31" (anything after the day is ignored) or a Date → "2019-12-31". */
export function date(fields: Record<string, unknown>, name: string, required = true): string | null {
  const raw = fields[name];
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  const value = text(fields, name);
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
  if (!isCalendarDate(year, month, day))
    throw new RowProblem(name, `"${value}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`);
  return iso ? value.slice(0, 10) : `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

export function wholeNumber(fields: Record<string, unknown>, name: string): number | null {
  const value = text(fields, name);
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
