import { Column, ColumnOptions, ValueTransformer } from "typeorm";

/**
 * Column shapes that must read back the same on MySQL/MariaDB and on SQLite.
 * Calendar dates stay 'YYYY-MM-DD' strings end to end (no Date, so no time zone can move them);
 * instants are Date objects stored in UTC; decimals travel as strings so no float ever touches them.
 */

export function DateColumn(options: ColumnOptions = {}) {
  return Column({ type: "date", ...options });
}

export function InstantColumn(options: ColumnOptions = {}) {
  return Column({ type: "datetime", precision: 3, ...options });
}

const decimalAsString: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : String(value)),
};

export function DecimalColumn(options: ColumnOptions = {}) {
  return Column({ type: "decimal", precision: 20, scale: 6, transformer: decimalAsString, ...options });
}

export function JsonColumn(options: ColumnOptions = {}) {
  return Column({ type: "simple-json", ...options });
}
