/** Numbers, dates and instants as people in the Comune write them, for the texts they read. */

/** Decimal comma and thousands point: 1234.5 → "1.234,5". */
export function italianNumber(n: number, maxDecimals = 4): string {
  return n.toLocaleString("it-IT", { maximumFractionDigits: maxDecimals, useGrouping: "always" });
}

/** A stored decimal as written, with its comma: "70.25" → "70,25" (no rounding, no grouping). */
export const italianDecimal = (decimalText: string) => decimalText.replace(".", ",");

/** "2019-12-31" → "31/12/2019". */
export const italianDate = (isoDate: string) => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;

const ROME = new Intl.DateTimeFormat("it-IT", {
  timeZone: "Europe/Rome",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as a clock in Milan shows it: "31/12/2019 10:00". */
export const italianInstant = (instant: Date) => ROME.format(instant).replace(",", "");
