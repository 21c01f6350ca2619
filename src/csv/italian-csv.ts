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
  /**
   * Values past the header's last column, when the row has more: a reader refuses the row rather
   * than drop them (in a file separated by `,`, a decimal comma splits "0,5" into 0 and 5).
   */
  surplus?: string[];
}

/** A file the parser cannot read past (an unclosed quote, say): a fault of the file, not of a row. */
export class CsvUnreadable extends Error {}

function options(delimiter: string): Options {
  return {
    // Rows as arrays, the first the header: a row longer than the header keeps its surplus (see toRow).
    delimiter,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    // A short row is read with its missing fields absent: each field reader then names what is missing.
    relax_column_count: true,
    info: true,
  };
}

/** `;`, unless the header line has none: then `,`. */
export function delimiterOf(headerLine: string): string {
  return headerLine.includes(";") ? ";" : ",";
}

/** The parser's own errors (csv-parse and csv-parse/sync each have their CsvError class: told by code). */
function unreadable(source: string, error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^(CSV_|INVALID_OPENING_QUOTE)/.test(code)
    ? new CsvUnreadable(`${source}: ${(error as Error).message}`)
    : (error as Error);
}

type Parsed = { record: string[]; info: { lines: number } };

const headerOf = (record: string[]) => record.map((name) => name.trim().toLowerCase());

/** A data row's values by the header's names; a short row lacks the last ones, a long one keeps its surplus apart. */
function toRow(header: readonly string[], { record, info }: Parsed): CsvRow {
  const fields = Object.fromEntries(record.slice(0, header.length).map((value, i) => [header[i], value]));
  return record.length > header.length
    ? { line: info.lines, fields, surplus: record.slice(header.length) }
    : { line: info.lines, fields };
}

/** A whole text (an upload, a small file), every row at once; `source` names it in errors. */
export function readCsvText(source: string, text: string): CsvRow[] {
  try {
    const [first, ...records] = parseWhole(
      text,
      options(delimiterOf(text.split(/\r?\n/, 1)[0])),
    ) as unknown as Parsed[];
    if (!first) return [];
    const header = headerOf(first.record);
    return records.map((parsed) => toRow(header, parsed));
  } catch (error) {
    throw unreadable(source, error);
  }
}

/** The header's names (trimmed, lower case) of a whole text, even one with no data rows. */
export function csvHeader(source: string, text: string): string[] {
  try {
    const { info: _info, ...plainRows } = options(delimiterOf(text.split(/\r?\n/, 1)[0]));
    const [header = []]: string[][] = parseWhole(text, { ...plainRows, to_line: 1 });
    return headerOf(header);
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
    let header: string[] | null = null;
    for await (const parsed of parser as AsyncIterable<Parsed>) {
      if (header === null) header = headerOf(parsed.record);
      else yield toRow(header, parsed);
    }
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
