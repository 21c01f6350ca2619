import { parse } from "csv-parse/sync";
import { ImportProblem } from "../problems";
import { isBlank, ReadSheets, Sheet } from "./sheet";

export interface CsvSheet {
  header: string[];
  headerLine: number;
  rows: Array<{ line: number; values: string[] }>;
}

/**
 * The Italian CSV dialect as Excel writes it: `;` between fields, quotes around fields that hold
 * one, UTF-8 with or without BOM. The header is the first non-empty line; each row carries the
 * line it starts on. The only CSV parsing in the import: a shared reader can take its place.
 */
export function readCsvSheet(text: string): CsvSheet {
  // With info and raw, each record comes as { record, info, raw }; the typings know only plain records.
  const records = parse(text, {
    delimiter: ";",
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  const rows = records
    .map(({ record, info, raw }) => ({
      // A record ends on info.lines; it starts as many lines earlier as it holds line breaks.
      line:
        info.lines -
        (raw
          .replace(/^[\r\n]+/, "")
          .replace(/[\r\n]+$/, "")
          .match(/\n/g)?.length ?? 0),
      values: record.map((value) => value.trim()),
    }))
    .filter((row) => !row.values.every((value) => value === ""));
  const [header, ...data] = rows;
  return { header: header?.values ?? [], headerLine: header?.line ?? 0, rows: data };
}

/** CSV files, each named after its sheet (indicatori.csv is the sheet Indicatori), as sheets. */
export function readCsvFiles(files: ReadonlyArray<{ name: string; content: Buffer }>): ReadSheets {
  const sheets: Sheet[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const name = file.name.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
    const problem = (message: string) => problems.push({ sheet: name, row: null, column: null, message });
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.content);
    } catch {
      problem(`${file.name} non è in UTF-8: salvatelo da Excel come «CSV UTF-8 (delimitato da virgole) (*.csv)»`);
      continue;
    }
    let csv: CsvSheet;
    try {
      csv = readCsvSheet(text);
    } catch (error) {
      problem(`${file.name} non è un CSV leggibile (${(error as Error).message})`);
      continue;
    }
    if (csv.header.length === 1 && csv.header[0].includes(","))
      problem(`${file.name} separa i campi con la virgola: salvatelo come CSV con il punto e virgola (;)`);
    else
      sheets.push({
        name,
        headerRow: csv.headerLine,
        headers: csv.header,
        rows: csv.rows.map(({ line, values }) => {
          // More fields than headers: a text holding ; was not quoted, and every field after it moved.
          const unreadable = values.slice(csv.header.length).some((v) => v !== "");
          if (unreadable)
            problems.push({
              sheet: name,
              row: line,
              column: null,
              message: `la riga ha più campi delle intestazioni: un testo che contiene ; va tra virgolette`,
            });
          return { row: line, values: values.map((v) => (isBlank(v) ? null : v)), unreadable };
        }),
      });
  }
  return { sheets, problems };
}
