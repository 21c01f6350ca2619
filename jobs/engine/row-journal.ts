import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";

/** A source row a run keeps with its reason: rejected, or used with a warning. */
export interface KeptRow {
  line: number;
  reason: string;
  raw: string;
}

const FLUSH_ROWS = 1000;

/**
 * Rows a run keeps, spilled to a temporary file as they come, so that a run's memory does not grow
 * with them (6% of a year's payment lines carry a term over 60 days: 19,000 warnings at Milan's
 * size, ten times that at scale 10). They reach the database only in the run's transaction, read
 * back in batches; `discard` removes the file.
 */
export class RowJournal {
  private readonly path = join(tmpdir(), `traguardo-rows-${process.pid}-${randomBytes(6).toString("hex")}.ndjson`);
  private file: number | null = null;
  private pending: string[] = [];
  length = 0;

  push(row: KeptRow): void {
    this.pending.push(JSON.stringify(row));
    this.length += 1;
    if (this.pending.length >= FLUSH_ROWS) this.flush();
  }

  /**
   * The rows in the order pushed, `size` at a time; may be read more than once. Read a chunk at a
   * time, as the batches are taken (readline's iterator read the whole file ahead of a slow
   * consumer: 180 MB for a scale-10 year's warnings).
   */
  *batches(size: number): Iterable<KeptRow[]> {
    this.flush();
    if (this.file === null) return;
    const chunk = Buffer.alloc(64 * 1024);
    const decoder = new StringDecoder("utf8");
    let position = 0;
    let partial = "";
    let batch: KeptRow[] = [];
    for (;;) {
      const read = readSync(this.file, chunk, 0, chunk.length, position);
      if (read === 0) break;
      position += read;
      const lines = (partial + decoder.write(chunk.subarray(0, read))).split("\n");
      partial = lines.pop()!;
      for (const line of lines) {
        batch.push(JSON.parse(line) as KeptRow);
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  discard(): void {
    this.pending = [];
    if (this.file === null) return;
    closeSync(this.file);
    this.file = null;
    unlinkSync(this.path);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.file ??= openSync(this.path, "w+", 0o600);
    writeSync(this.file, this.pending.join("\n") + "\n");
    this.pending = [];
  }
}
