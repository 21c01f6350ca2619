/** Numbers and dates as people in the Comune read them: 1.234,5 and 31/12/2019. */
const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(places: number): Intl.NumberFormat {
  let format = numberFormats.get(places);
  if (!format) {
    format = new Intl.NumberFormat("it-IT", { maximumFractionDigits: places, minimumFractionDigits: 0 });
    numberFormats.set(places, format);
  }
  return format;
}

/** A number (or the API's Decimal string) in Italian; a dash for no value. */
export function formatNumber(value: number | string | null | undefined, places = 2): string {
  if (value === null || value === undefined || value === "") return "—";
  const number = typeof value === "string" ? Number(value) : value;
  return Number.isFinite(number) ? numberFormat(places).format(number) : String(value);
}

/** A score from 0 to 1 as a percentage: 0.7625 → "76,3%". */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return "—";
  return `${numberFormat(1).format(score * 100)}%`;
}

/** The API's LocalDate (2019-12-31) as 31/12/2019. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "—";
  const [year, month, day] = date.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

const dateTimeFormat = new Intl.DateTimeFormat("it-IT", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Rome",
});

/** A DateTimeISO as Milan's clock shows it: 10/01/2020, 10:00. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : "—";
}

const UNIT_SUFFIX: Record<string, string> = { PERCENT: "%", DAYS: " gg", EUR: " €" };

/** A KPI value with its unit: 12,5%, 30 gg, 1.250.000 €. */
export function formatKpiValue(value: number | string | null | undefined, unit: string): string {
  const text = formatNumber(value);
  return text === "—" ? text : `${text}${UNIT_SUFFIX[unit] ?? ""}`;
}

/** Today in Milan as a LocalDate. */
export function todayInMilan(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome" }).format(new Date());
}

/**
 * A number as typed in Italian ("1.234,5", "63,5", "70") as the API's Decimal ("1234.5"); null when
 * it does not read as one. A lone point is read as the decimal point ("63.5"), as people also type it.
 */
export function decimalFromItalian(text: string): string | null {
  const trimmed = text.trim().replace(/\s/g, "");
  const normal = trimmed.includes(",") ? trimmed.replace(/\./g, "").replace(",", ".") : trimmed;
  return /^-?\d+(\.\d+)?$/.test(normal) ? normal : null;
}

/** dd/mm/yyyy to a LocalDate; null when it is not a real day. */
export function localDateFromItalian(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, day, month, year] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
