import { Column, ColumnOptions, ValueTransformer } from "typeorm";

/**
 * Column shapes that must read back the same on MySQL/MariaDB and on SQLite.
 * Calendar dates stay 'YYYY-MM-DD' strings end to end (no Date, so no time zone can move them);
 * instants are Date objects stored in UTC; decimals travel as canonical strings ("68.5", not
 * "68.500000"). MySQL/MariaDB keep DECIMAL(20,6) exact; SQLite has no decimal type and keeps 15
 * significant digits, which the plan's figures never exceed (money sums are made in SQL in cents).
 */

export function DateColumn(options: ColumnOptions = {}) {
  return Column({ type: "date", ...options });
}

export function InstantColumn(options: ColumnOptions = {}) {
  return Column({ type: "datetime", precision: 3, ...options });
}

/** "70.000000" → "70", "-3.250000" → "-3.25"; numbers (SQLite) in their shortest exact form. */
export function canonicalDecimal(value: string | number): string {
  const text = String(value);
  return text.includes(".") && !text.includes("e") ? text.replace(/\.?0+$/, "") : text;
}

const decimalAsString: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : canonicalDecimal(value)),
};

export function DecimalColumn(options: ColumnOptions = {}) {
  return Column({ type: "decimal", precision: 20, scale: 6, transformer: decimalAsString, ...options });
}

export function JsonColumn(options: ColumnOptions = {}) {
  return Column({ type: "simple-json", ...options });
}

const decimalAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** A decimal column for scores and shares (0-100, 0-1): stored exact, read as a number for arithmetic. */
export function ScoreColumn(options: ColumnOptions = {}) {
  return Column({ type: "decimal", precision: 20, scale: 6, transformer: decimalAsNumber, ...options });
}
