import { createConnection } from "mysql2/promise";
import { DataSource } from "typeorm";
import { SourceRecord } from "../../jobs/job";
import { SourceUnavailable } from "../../jobs/adapters/source";
import { SqlTable } from "../../jobs/adapters/sql-table";
import { runJob } from "../../jobs/engine/run-job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { openWithPlan, scratchMysqlDatabase, testDatabases } from "../support/databases";

/**
 * The accounting system's payment lines in a MySQL table (case-insensitive collation, as most
 * are), in payment date order: invoices P1, p1 (another invoice: ids are case-sensitive), P2.
 * Each line 100 euro, received 1 Oct with a 30-day term (due 31 Oct).
 */
const LINES: Array<[string, string]> = [
  ["P1", "2019-09-28"], // a payment of Q3: filtered out in SQL (which reads a day either side, for instants with a zone)
  ["P1", "2019-10-05"],
  ["p1", "2019-10-06"],
  ["P2", "2019-10-07"],
  ["P1", "2019-11-10"],
  ["p1", "2019-11-20"],
];

const mysqlAvailable = testDatabases.some((db) => db.name === "mysql");

(mysqlAvailable ? describe : describe.skip)("a SQL source on MySQL", () => {
  let scratch: Awaited<ReturnType<typeof scratchMysqlDatabase>>;
  let traguardo: DataSource;
  const sqlite = testDatabases.find((db) => db.name === "sqlite")!;

  beforeAll(async () => {
    scratch = await scratchMysqlDatabase();
    const connection = await createConnection(scratch.url);
    try {
      await connection.query(
        "CREATE TABLE payment_lines (invoice_id VARCHAR(20), kind VARCHAR(16), receipt_date DATE, term_days INT, payment_date DATE, amount DECIMAL(12,2), split_vat DECIMAL(12,2), dispute_from DATE, dispute_to DATE)",
      );
      for (const [invoice, paid] of LINES)
        await connection.query(
          "INSERT INTO payment_lines VALUES (?, 'PAGAMENTO', '2019-10-01', 30, ?, 100.00, NULL, NULL, NULL)",
          [invoice, paid],
        );
    } finally {
      await connection.end();
    }
    traguardo = await openWithPlan(sqlite);
  });
  afterAll(async () => {
    await sqlite.close(traguardo);
    await scratch?.drop();
  });

  const read = async (source: SqlTable, groupField?: string): Promise<SourceRecord[]> => {
    const records: SourceRecord[] = [];
    for await (const batch of source.read("2019-10-01", "2019-12-31", "payment_date", groupField))
      records.push(...batch);
    return records;
  };

  it("streams the period's rows, dates as written and decimals as text, numbered in the order read", async () => {
    const records = await read(new SqlTable(scratch.url, "payment_lines"));
    // Without a group field the rows come as the database reads them (no sort): any order, each once.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(records.map((r) => [r.fields.invoice_id, r.fields.payment_date]).sort()).toEqual([
      ["P1", "2019-10-05"],
      ["P1", "2019-11-10"],
      ["P2", "2019-10-07"],
      ["p1", "2019-10-06"],
      ["p1", "2019-11-20"],
    ]);
    expect(records[0].fields).toMatchObject({ receipt_date: "2019-10-01", amount: "100.00", split_vat: null });
  });

  it("hands the rows of one group together, ordered by bytes so that ids equal but for case are not interleaved", async () => {
    const records = await read(new SqlTable(scratch.url, "payment_lines"), "invoice_id");
    // By bytes "P" (0x50) sorts before "p" (0x70); the collation alone would take P1 and p1 as one value.
    expect(records.map((r) => r.fields.invoice_id)).toEqual(["P1", "P1", "P2", "p1", "p1"]);
  });

  it("feeds the ITP job, which counts each invoice once as it reads them grouped", async () => {
    const run = (await runJob(
      traguardo,
      {
        job: paymentTimelinessJob(),
        source: new SqlTable(scratch.url, "payment_lines"),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 0 },
    ))!;
    expect(run).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 5, rowsAccepted: 5 });
    const invoices = await traguardo.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-FATTURE-PAGATE" });
    const itp = await traguardo.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-ITP" });
    const value = async (kpi: Kpi) =>
      (await traguardo.manager.findOneByOrFail(Measurement, { jobRunId: run.id, kpiId: kpi.id })).value;
    // Three invoices (P1, p1, P2); days from 31 Oct: −26, −25, −24, +10, +20 → (−26 − 25 − 24 + 10 + 20) × 100 / 500 = −9.
    expect([await value(invoices), await value(itp)]).toEqual(["3", "-9"]);
  });

  it("hands a large query in batches, every row once, holding the connection while the reader is slow", async () => {
    const connection = await createConnection(scratch.url);
    try {
      await connection.query("CREATE TABLE many_lines LIKE payment_lines");
      await connection.query(
        `INSERT INTO many_lines VALUES ${Array.from({ length: 2_500 }, (_, i) => `('M${i}', 'PAGAMENTO', '2019-10-01', 30, '2019-10-05', 1.00, NULL, NULL, NULL)`).join(", ")}`,
      );
    } finally {
      await connection.end();
    }
    const sizes: number[] = [];
    const ids = new Set<unknown>();
    let lastLine = 0;
    for await (const batch of new SqlTable(scratch.url, "many_lines").read(
      "2019-10-01",
      "2019-12-31",
      "payment_date",
    )) {
      sizes.push(batch.length);
      for (const record of batch) {
        expect(record.line).toBe(++lastLine);
        ids.add(record.fields.invoice_id);
      }
      // A reader slower than the database: the driver is paused meanwhile, and resumed for the rest.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(ids.size).toBe(2_500);
  });

  it("reports a table that is not there as a source that failed, naming it", async () => {
    const missing = read(new SqlTable(scratch.url, "pagamenti"));
    await expect(missing).rejects.toThrow(SourceUnavailable);
    await expect(missing).rejects.toThrow(
      /^reading SQL pagamenti at mysql:\/\/…@127\.0\.0\.1:3306\/traguardo_test_\w+ failed: .*doesn't exist/,
    );
  });
});
