import { parse } from "csv-parse";
import { createReadStream } from "node:fs";
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { SourceRecord } from "../job";
import { SourceAdapter, SourceUnavailable } from "./source";

/**
 * Every `.csv` file in an inbox folder, in name order, streamed row by row. Italian exports use `;`
 * and a header row; the delimiter is detected from the header. Files stay where they are, so a
 * period can be run again.
 */
export class CsvInbox implements SourceAdapter {
  readonly description: string;
  // Files come in whatever order their system wrote them.
  readonly groups = false;

  constructor(private readonly folder: string) {
    this.description = `CSV inbox ${folder}`;
  }

  async *read(): AsyncIterable<SourceRecord> {
    let files: string[];
    try {
      files = (await readdir(this.folder)).filter((f) => f.toLowerCase().endsWith(".csv")).sort();
    } catch (error) {
      throw new SourceUnavailable(`cannot read the inbox ${this.folder}: ${(error as Error).message}`);
    }
    let offset = 0;
    for (const file of files) {
      let last = 0;
      const path = join(this.folder, file);
      const parser = createReadStream(path).pipe(
        parse({
          columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
          delimiter: await delimiterOf(path),
          bom: true,
          trim: true,
          skip_empty_lines: true,
          relax_column_count: true,
          info: true,
        }),
      );
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        last = info.lines;
        // Lines count across files so that a rejected row names its file's line: file order is fixed.
        yield { line: offset + info.lines, fields: { ...record, _file: file } };
      }
      offset += last;
    }
  }
}

/** `;` when the header line has one (Italian exports, where `,` is the decimal mark), else `,`. */
async function delimiterOf(path: string): Promise<string> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4096), 0, 4096, 0);
    const header = buffer.subarray(0, bytesRead).toString("utf8").split(/\r?\n/)[0];
    return header.includes(";") ? ";" : ",";
  } finally {
    await file.close();
  }
}
