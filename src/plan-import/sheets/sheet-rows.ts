import { ImportProblem } from "../problems";
import { CellProblem } from "./cells";
import { CellValue, isBlank, normalName, Sheet } from "./sheet";
import { isNoteHeader, SheetSpec } from "./template";

/** One row being read: its number, its cells by header, and where to say what is wrong with it. */
export interface RowContext {
  row: number;
  /** The cell under the header, through a reader; a problem is recorded for the row. */
  cell<V>(header: string, read: (value: CellValue) => V): V;
  /** Whether the row has the column and writes something in it. */
  filled(header: string): boolean;
  problem(header: string | null, message: string): void;
}

export interface ParsedRow<T> {
  row: number;
  value: T;
}

/**
 * The rows of a sheet laid out as its template says, each read by `parse`. The header is checked
 * first (a required column missing, a column the template does not know, a column twice); a row
 * with any problem is reported and left out, so what comes back is only rows read whole.
 * `extraHeader` admits columns beyond the fixed ones (a plan year's targets).
 */
export function readRows<T>(
  sheet: Sheet,
  spec: SheetSpec,
  problems: ImportProblem[],
  parse: (row: RowContext) => T,
  extraHeader: (header: string) => boolean = () => false,
): ParsedRow<T>[] {
  const at = (row: number | null, column: string | null, message: string) =>
    problems.push({ sheet: spec.name, row, column, message });
  if (sheet.rows.length === 0) {
    at(sheet.headerRow || null, null, "il foglio è vuoto: compilatelo o toglietelo dal file");
    return [];
  }
  const columns = new Map<string, number>();
  sheet.headers.forEach((header, index) => {
    if (header === "" || isNoteHeader(header)) return;
    const name = normalName(header);
    const known = Object.values(spec.columns).find((c) => normalName(c.header) === name);
    if (!known && !extraHeader(name))
      at(
        sheet.headerRow,
        header,
        `colonna sconosciuta: correggetene il nome o toglietela (le colonne del modello sono in Istruzioni)`,
      );
    else if (columns.has(name)) at(sheet.headerRow, header, "la colonna compare due volte: tenetene una");
    else columns.set(name, index);
  });
  for (const column of Object.values(spec.columns))
    if (column.required && !columns.has(normalName(column.header)))
      at(sheet.headerRow, column.header, "manca la colonna: aggiungetela con questa intestazione");
  if (problems.some((p) => p.sheet === spec.name && p.row === sheet.headerRow)) return [];

  // Parsers ask by the template's header; its column is looked up once, not for every cell.
  const indexes = new Map<string, number | undefined>();
  const indexOf = (header: string) => {
    if (!indexes.has(header)) indexes.set(header, columns.get(normalName(header)));
    return indexes.get(header);
  };
  const parsed: ParsedRow<T>[] = [];
  for (const { row, values, unreadable } of sheet.rows) {
    if (unreadable) continue;
    let failed = false;
    const valueOf = (header: string): CellValue => {
      const index = indexOf(header);
      return index === undefined ? null : (values[index] ?? null);
    };
    const context: RowContext = {
      row,
      cell: (header, read) => {
        try {
          return read(valueOf(header));
        } catch (error) {
          if (!(error instanceof CellProblem)) throw error;
          failed = true;
          at(row, header, error.message);
          // The row is dropped below: what the parser builds from this stand-in is never used.
          return undefined as never;
        }
      },
      filled: (header) => !isBlank(valueOf(header)),
      problem: (header, message) => {
        failed = true;
        at(row, header, message);
      },
    };
    const value = parse(context);
    if (!failed) parsed.push({ row, value });
  }
  return parsed;
}
