import Database from "better-sqlite3";
import { Connection, createConnection } from "mysql2";
import { dayNumber, fromDayNumber } from "../../src/dates";
import { SourceRecord } from "../job";
import { BATCH_ROWS, SourceAdapter, SourceUnavailable } from "./source";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A table or view of another database, on its own connection: `mysql://…` or an SQLite file.
 * Rows are filtered on the date field in SQL and streamed, never loaded whole; ordered by the
 * job's group field when it has one (by bytes, so values a case-insensitive collation deems equal
 * are not interleaved; trimmed of spaces, as the job reads the key: see groupKey), else in the
 * order the database reads them: sorting a year of rows by date
 * cost the database more than reading them, and no job needs it.
 *
 * The filter is half-open, `>= first day AND < the day after the last`, so a DATETIME of the last
 * day (23:30) is in (BETWEEN with a bare date stops at its midnight). It reaches one day further
 * each side: a column of instants written with their zone ("2019-12-31T23:30:00Z", 1 January in
 * Milan) is compared as text or in another zone, and the job places each row by its date in Milan
 * (src/csv/fields.ts), leaving out those of the neighbouring days.
 */
export class SqlTable implements SourceAdapter {
  readonly description: string;
  readonly groups = true;

  constructor(
    private readonly url: string,
    private readonly table: string,
  ) {
    if (!IDENTIFIER.test(table)) throw new Error(`"${table}" is not a table or view name`);
    this.description = `SQL ${table} at ${url.replace(/\/\/[^@/]*@/, "//…@")}`;
  }

  read(from: string, to: string, dateField: string, groupField?: string): AsyncIterable<SourceRecord[]> {
    for (const column of [dateField, groupField ?? dateField])
      if (!IDENTIFIER.test(column)) throw new Error(`"${column}" is not a column name`);
    const since = fromDayNumber(dayNumber(from) - 1);
    const before = fromDayNumber(dayNumber(to) + 2);
    return /^(mysql|mariadb):/.test(this.url)
      ? this.readMysql(since, before, dateField, groupField && `CAST(TRIM(\`${groupField}\`) AS BINARY)`)
      : this.readSqlite(since, before, dateField, groupField && `TRIM(${groupField}) COLLATE BINARY`);
  }

  // better-sqlite3 reads synchronously, but a source hands out an AsyncIterable: an async generator with no await.
  // eslint-disable-next-line @typescript-eslint/require-await
  private async *readSqlite(
    since: string,
    before: string,
    dateField: string,
    orderBy: string | undefined,
  ): AsyncIterable<SourceRecord[]> {
    let db: Database.Database;
    try {
      db = new Database(this.url.replace(/^sqlite:/, ""), { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new SourceUnavailable(`cannot open ${this.description}: ${(error as Error).message}`);
    }
    try {
      const rows = db
        .prepare(
          `SELECT * FROM ${this.table} WHERE ${dateField} >= ? AND ${dateField} < ?${orderBy ? ` ORDER BY ${orderBy}` : ""}`,
        )
        .iterate(since, before);
      let batch: SourceRecord[] = [];
      let line = 0;
      for (const row of rows) {
        batch.push({ line: ++line, fields: row as Record<string, unknown> });
        if (batch.length === BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      db.close();
    }
  }

  private async *readMysql(
    since: string,
    before: string,
    dateField: string,
    orderBy: string | undefined,
  ): AsyncIterable<SourceRecord[]> {
    const connection = createConnection({ uri: this.url.replace(/^mariadb:/, "mysql:"), dateStrings: true });
    try {
      yield* batchesOf(
        connection,
        `SELECT * FROM \`${this.table}\` WHERE \`${dateField}\` >= ? AND \`${dateField}\` < ?${orderBy ? ` ORDER BY ${orderBy}` : ""}`,
        [since, before],
        this.description,
      );
    } finally {
      connection.destroy();
    }
  }
}

/**
 * A query's rows in batches of BATCH_ROWS, from the driver's row events: the connection is paused
 * while two batches wait, so memory stays flat however many rows the query has.
 */
async function* batchesOf(
  connection: Connection,
  sql: string,
  values: unknown[],
  description: string,
): AsyncIterable<SourceRecord[]> {
  const ready: SourceRecord[][] = [];
  let batch: SourceRecord[] = [];
  let line = 0;
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  connection
    .query(sql, values)
    .on("result", (row) => {
      batch.push({ line: ++line, fields: row as Record<string, unknown> });
      if (batch.length < BATCH_ROWS) return;
      ready.push(batch);
      batch = [];
      if (ready.length >= 2) connection.pause();
      signal();
    })
    .on("error", (error) => {
      failure = error;
      signal();
    })
    .on("end", () => {
      ended = true;
      signal();
    });
  for (;;) {
    const next = ready.shift();
    if (next) {
      connection.resume();
      yield next;
    } else if (failure) {
      throw new SourceUnavailable(`reading ${description} failed: ${(failure as Error).message}`);
    } else if (ended) {
      if (batch.length > 0) yield batch;
      return;
    } else {
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
}
