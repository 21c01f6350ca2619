import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { readCsvFile } from "../../src/csv/italian-csv";
import { SourceRecord } from "../job";
import { BATCH_ROWS, SourceAdapter, SourceUnavailable } from "./source";

/**
 * Every `.csv` file in an inbox folder, in name order, streamed row by row through the Italian CSV
 * reader. Files stay where they are, so a period can be run again.
 */
export class CsvInbox implements SourceAdapter {
  readonly description: string;
  // Files come in whatever order their system wrote them.
  readonly groups = false;

  constructor(private readonly folder: string) {
    this.description = `CSV inbox ${folder}`;
  }

  async *read(): AsyncIterable<SourceRecord[]> {
    let files: string[];
    try {
      files = (await readdir(this.folder)).filter((f) => f.toLowerCase().endsWith(".csv")).sort();
    } catch (error) {
      throw new SourceUnavailable(`cannot read the inbox ${this.folder}: ${(error as Error).message}`);
    }
    let offset = 0;
    let batch: SourceRecord[] = [];
    for (const file of files) {
      let last = 0;
      for await (const { line, fields } of readCsvFile(join(this.folder, file))) {
        last = line;
        // Lines count across files so that a rejected row names its file's line: file order is fixed.
        batch.push({ line: offset + line, fields: { ...fields, _file: file } });
        if (batch.length === BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      offset += last;
    }
    if (batch.length > 0) yield batch;
  }
}
