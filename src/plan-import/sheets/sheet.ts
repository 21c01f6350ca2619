import { ImportProblem } from "../problems";

/** A cell as the readers hand it on: text, a number, a date (an Excel date cell), a boolean, or empty. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The spreadsheet's own row number, or the CSV file's line where the record starts. */
  row: number;
  /** By column, in the header's order. */
  values: CellValue[];
  /** A cell could not be read (merged, an error): reported by the reader, so not read on. */
  unreadable?: boolean;
}

/** One sheet (or one CSV file) as read: its header and its non-empty rows, nothing interpreted yet. */
export interface Sheet {
  name: string;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

export interface ReadSheets {
  sheets: Sheet[];
  problems: ImportProblem[];
}

/** "Unità" and "unita", "Codice  Obiettivo" and "codice obiettivo" are the same name. */
export function normalName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export const isBlank = (value: CellValue) => value === null || (typeof value === "string" && value.trim() === "");
