import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createConnection } from "mysql2/promise";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { HttpJson } from "../../jobs/adapters/http-json";
import { SourceAdapter } from "../../jobs/adapters/source";
import { SqlTable } from "../../jobs/adapters/sql-table";
import { runJob, RunnerOptions } from "../../jobs/engine/run-job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Period } from "../../src/periods";
import { openWithPlan, scratchMysqlDatabase, testDatabases } from "../support/databases";

/**
 * Payment lines in a table whose payment date is a DATETIME (Milan's time, as the accounting
 * system writes it), each 100.00 on an invoice received 1 Oct with a 30-day term (due 31 Oct):
 *   A paid 31/12/2019 18:00: 61 days late, the quarter's last day (BETWEEN '…-12-31' stopped at its midnight)
 *   B paid 01/10/2019 00:00: 30 days early
 *   C paid 30/09/2019 23:59:59: the previous quarter
 * Q4: (100 × 61 − 100 × 30) / 200 = 15.5 days over 2 invoices (before: −30 over 1, A lost).
 * A second table holds instants as text with their zone, as an export in UTC writes them:
 *   D paid 2019-12-31T23:30:00Z: 00:30 on 1 January in Milan, 2020-Q1, 62 days late (due 31 Oct)
 *   E paid 2019-10-26T22:30:00Z: 00:30 on 27 October in Milan (still summer time, UTC+2), 4 days early
 * Q4: E alone, −4 days (by UTC's date, −5, and D in at 61: 28).
 */
const ROWS: Array<[string, string]> = [
  ["A", "2019-12-31 18:00:00"],
  ["B", "2019-10-01 00:00:00"],
  ["C", "2019-09-30 23:59:59"],
];
const INSTANTS: Array<[string, string]> = [
  ["D", "2019-12-31T23:30:00Z"],
  ["E", "2019-10-26T22:30:00Z"],
];

const options: RunnerOptions = { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 1 };
const quarter = (year: number, index: number): Period => ({ year, kind: PeriodKind.QUARTER, index });
const INSERT = "INSERT INTO %t VALUES (?, 'PAGAMENTO', '2019-10-01', 30, ?, 100.00, NULL, NULL, NULL)";
const columns = (paymentDate: string) =>
  `(invoice_id VARCHAR(20), kind VARCHAR(16), receipt_date DATE, term_days INT, payment_date ${paymentDate}, amount DECIMAL(12,2), split_vat DECIMAL(12,2), dispute_from DATE, dispute_to DATE)`;

/** The source database, of the same kind as Traguardo's: an SQLite file, or a scratch MariaDB database. */
async function sourceOf(kind: "sqlite" | "mysql"): Promise<{ url: string; drop(): Promise<unknown> }> {
  if (kind === "sqlite") {
    const file = join(mkdtempSync(join(tmpdir(), "traguardo-timestamps-")), "source.sqlite");
    const db = new Database(file);
    db.exec(
      `CREATE TABLE payment_lines ${columns("DATETIME")}; CREATE TABLE payment_instants ${columns("VARCHAR(32)")}`,
    );
    for (const [table, rows] of [
      ["payment_lines", ROWS],
      ["payment_instants", INSTANTS],
    ] as const)
      for (const row of rows) db.prepare(INSERT.replace("%t", table)).run(...row);
    db.close();
    return { url: file, drop: () => Promise.resolve() };
  }
  const scratch = await scratchMysqlDatabase();
  const connection = await createConnection(scratch.url);
  try {
    await connection.query(`CREATE TABLE payment_lines ${columns("DATETIME")}`);
    await connection.query(`CREATE TABLE payment_instants ${columns("VARCHAR(32)")}`);
    for (const [table, rows] of [
      ["payment_lines", ROWS],
      ["payment_instants", INSTANTS],
    ] as const)
      for (const row of rows) await connection.query(INSERT.replace("%t", table), row);
  } finally {
    await connection.end();
  }
  return scratch;
}

describe.each(testDatabases)("dates and instants of a SQL source on $name", (db) => {
  let dataSource: DataSource;
  let source: Awaited<ReturnType<typeof sourceOf>>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    source = await sourceOf(db.name);
  });
  afterAll(async () => {
    await db.close(dataSource);
    await source?.drop();
  });

  const figures = async (table: string | SourceAdapter, period: Period) => {
    const adapter = typeof table === "string" ? new SqlTable(source.url, table) : table;
    const run = (await runJob(
      dataSource,
      { job: paymentTimelinessJob(), source: adapter, period, triggeredBy: "test" },
      options,
    ))!;
    expect(run.status).toBe(JobRunStatus.SUCCEEDED);
    const kpis = new Map((await dataSource.manager.find(Kpi)).map((k) => [k.id, k.code]));
    const values = await dataSource.manager.find(Measurement, { where: { jobRunId: run.id } });
    return Object.fromEntries(values.map((m) => [kpis.get(m.kpiId)!, m.value])) as Record<string, string | null>;
  };

  it("keeps the last day of the period from a DATETIME column: (100 × 61 − 100 × 30) / 200 = 15.5", async () => {
    expect(await figures("payment_lines", quarter(2019, 4))).toMatchObject({
      "SAL-FIN-ITP": "15.5",
      "SAL-FIN-FATTURE-PAGATE": "2",
      "SAL-FIN-IMPORTO-PAGATO": "200",
    });
  });

  it("dates an instant written in UTC by Milan's clock, in the quarter it fell in there", async () => {
    // D, 23:30 UTC on 31 December, is a payment of 2020-Q1, at 62 days; E is dated 27 October, 4 days early.
    expect(await figures("payment_instants", quarter(2019, 4))).toMatchObject({
      "SAL-FIN-ITP": "-4",
      "SAL-FIN-IMPORTO-PAGATO": "100",
    });
    expect(await figures("payment_instants", quarter(2020, 1))).toMatchObject({
      "SAL-FIN-ITP": "62",
      "SAL-FIN-IMPORTO-PAGATO": "100",
    });
  });

  it("reads an Italian date with its time from a CSV file, and instants from a CSV file and an HTTP endpoint, by Milan's clock", async () => {
    // A paid "31/12/2019 10:00": 61 days; D at 23:30 UTC on 31 December is in 2020. Q4: A alone, 61 days.
    const header = "invoice_id;kind;receipt_date;term_days;payment_date;amount";
    const folder = mkdtempSync(join(tmpdir(), "traguardo-timestamps-csv-"));
    writeFileSync(
      join(folder, "pagamenti.csv"),
      [
        header,
        "A;PAGAMENTO;01/10/2019;30;31/12/2019 10:00;100,00",
        "D;PAGAMENTO;01/10/2019;30;2019-12-31T23:30:00Z;100,00",
      ].join("\n"),
    );
    expect(await figures(new CsvInbox(folder), quarter(2019, 4))).toMatchObject({
      "SAL-FIN-ITP": "61",
      "SAL-FIN-FATTURE-PAGATE": "1",
    });

    const rows = [
      {
        invoice_id: "A",
        kind: "PAGAMENTO",
        receipt_date: "2019-10-01",
        payment_date: "2019-12-31T22:59:59Z",
        amount: 100,
      },
      {
        invoice_id: "D",
        kind: "PAGAMENTO",
        receipt_date: "2019-10-01",
        payment_date: "2019-12-31T23:30:00Z",
        amount: 100,
      },
    ];
    const server = createServer((_, response) => response.end(JSON.stringify(rows)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pagamenti?dal={from}&al={until}`;
      expect(await figures(new HttpJson(url), quarter(2019, 4))).toMatchObject({
        "SAL-FIN-ITP": "61",
        "SAL-FIN-FATTURE-PAGATE": "1",
      });
    } finally {
      server.close();
    }
  });
});
