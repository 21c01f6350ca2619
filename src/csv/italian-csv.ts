import { Options, parse } from "csv-parse";
import { parse as parseWhole } from "csv-parse/sync";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";

/**
 * The one reader of CSV as Italian offices export it: a header row, `;` between fields (`,` is the
 * decimal mark; a file whose header has no `;` is read with `,`), maybe a byte-order mark, blanks
 * around values. Values stay text: src/csv/fields.ts reads dates, amounts and numbers from them.
 */

/** A data row: its values by header name (trimmed, lower case) and its line in the file (header = 1). */
export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

/** A file the parser cannot read past (an unclosed quote, say): a fault of the file, not of a row. */
export class CsvUnreadable extends Error {}

function options(delimiter: string): Options {
  return {
    columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
    delimiter,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    // A short row is read with its missing fields absent: each field reader then names what is missing.
    relax_column_count: true,
    info: true,
  };
}

function delimiterOf(headerLine: string): string {
  return headerLine.includes(";") ? ";" : ",";
}

/** The parser's own errors (csv-parse and csv-parse/sync each have their CsvError class: told by code). */
function unreadable(source: string, error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^(CSV_|INVALID_OPENING_QUOTE)/.test(code)
    ? new CsvUnreadable(`${source}: ${(error as Error).message}`)
    : (error as Error);
}

type Parsed = { record: Record<string, string>; info: { lines: number } };

/** A whole text (an upload, a small file), every row at once; `source` names it in errors. */
export function readCsvText(source: string, text: string): CsvRow[] {
  try {
    const records = parseWhole(text, options(delimiterOf(text.split(/\r?\n/, 1)[0]))) as unknown as Parsed[];
    return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
  } catch (error) {
    throw unreadable(source, error);
  }
}

/** The header's names (trimmed, lower case) of a whole text, even one with no data rows. */
export function csvHeader(source: string, text: string): string[] {
  try {
    // Without columns and info, the parser gives the header row itself as an array.
    const { columns: _columns, info: _info, ...plainRows } = options(delimiterOf(text.split(/\r?\n/, 1)[0]));
    const [header = []]: string[][] = parseWhole(text, { ...plainRows, to_line: 1 });
    return header.map((name) => name.trim().toLowerCase());
  } catch (error) {
    throw unreadable(source, error);
  }
}

/** A file of any size, streamed row by row. */
export async function* readCsvFile(path: string): AsyncIterable<CsvRow> {
  const parser = parse(options(await headerDelimiter(path)));
  // A read error must end the iteration: pipe() alone would leave the parser waiting for ever.
  createReadStream(path)
    .on("error", (error) => parser.destroy(error))
    .pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<Parsed>) yield { line: info.lines, fields: record };
  } catch (error) {
    throw unreadable(path, error);
  }
}

async function headerDelimiter(path: string): Promise<string> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    return delimiterOf(buffer.subarray(0, bytesRead).toString("utf8").split(/\r?\n/, 1)[0]);
  } finally {
    await file.close();
  }
}
