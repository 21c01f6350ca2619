import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { DataSource, In } from "typeorm";
import { SourceRecord } from "../../jobs/job";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { HttpJson } from "../../jobs/adapters/http-json";
import { SourceAdapter, SourceUnavailable } from "../../jobs/adapters/source";
import { SqlTable } from "../../jobs/adapters/sql-table";
import { overdueDebtJob } from "../../jobs/overdue-debt.job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { RejectedRow } from "../../entities/rejected-row.entity";
import { runJob, RunnerOptions } from "../../jobs/engine/run-job";
import { Period } from "../../src/periods";
import { openWithPlan, testDatabases } from "../support/databases";

/**
 * Hand-computed payment lines (amounts in euro, days from the due date):
 *   Q4 A  receipt 1 Oct, term 30 → due 31 Oct, paid 10 Nov: 10 days; 1.220,00 less 220,00 split VAT = 1000
 *   Q4 B  receipt 1 Oct, no term → due 31 Oct, paid 26 Oct: −5 days; 3000
 *   Q4 A  its credit note, set against A's payment: −200 at 10 days
 *   Q1 D  receipt 2 Jan, term 60 → due 3 Mar, paid 13 Mar: 10 days; 500
 * Q4: (1000×10 − 3000×5 − 200×10) / (1000 + 3000 − 200) = −7000 / 3800 = −1.8421052… → −1.842105 stored (−1.84 shown)
 * Q1: 500×10 / 500 = 10
 * 2019: (−7000 + 5000) / (3800 + 500) = −2000 / 4300 = −0.4651162… → −0.465116 stored, −0.47 shown (the mean of quarters would differ)
 */
const HEADER = "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to";
const GOOD = [
  "A;PAGAMENTO;01/10/2019;30;10/11/2019;1.220,00;220,00;;",
  "B;PAGAMENTO;01/10/2019;;26/10/2019;3.000,00;;;",
  "A;NOTA_CREDITO;01/10/2019;30;10/11/2019;200,00;;;",
  "D;PAGAMENTO;02/01/2019;60;13/03/2019;500,00;;;",
  "E;PAGAMENTO;01/12/2019;30;05/01/2020;900,00;;;",
];
const BAD = [
  "F;PAGAMENTO;01/10/2019;30;12/11/2019;12,3,4;;;",
  "G;PAGAMENTO;01/10/2019;30;31/02/2019;100,00;;;",
  "H;RIMBORSO;01/10/2019;30;12/11/2019;100,00;;;",
  "Z;NOTA_CREDITO;01/10/2019;30;15/11/2019;50,00;;;",
];

const year2019: Period = { year: 2019, kind: PeriodKind.YEAR, index: 0 };
const q4: Period = { year: 2019, kind: PeriodKind.QUARTER, index: 4 };
const options: RunnerOptions = { holder: "test-server-1", leaseMs: 60_000, retries: 2, backoffMs: 5 };
const job = paymentTimelinessJob();

function inbox(lines: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-inbox-"));
  writeFileSync(join(folder, "pagamenti-2019.csv"), `${HEADER}\n${lines.join("\n")}\n`);
  return folder;
}

/** A source that yields the given records, or fails, as a test needs. */
function scripted(records: () => AsyncIterable<SourceRecord[]>): SourceAdapter {
  return { description: "scripted test source", groups: false, read: records };
}

describe.each(testDatabases)("the payment timeliness job on $name", (db) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
  });
  afterAll(() => db.close(dataSource));

  const values = async (runId: number) => {
    const kpis = new Map((await dataSource.manager.find(Kpi)).map((k) => [k.id, k.code]));
    const rows = await dataSource.manager.find(Measurement, { where: { jobRunId: runId }, order: { id: "ASC" } });
    return rows.map(
      (m) =>
        `${kpis.get(m.kpiId)} ${m.periodKind === PeriodKind.YEAR ? m.year : `${m.year}-Q${m.periodIndex}`} = ${m.value}`,
    );
  };

  it("computes ITP, invoices and amount per quarter and for the year from a CSV inbox, keeping the bad rows", async () => {
    const run = (await runJob(
      dataSource,
      { job, source: new CsvInbox(inbox([...GOOD, ...BAD])), period: year2019, triggeredBy: "test" },
      options,
    ))!;
    expect(run).toMatchObject({
      status: JobRunStatus.SUCCEEDED,
      period: "2019",
      rowsRead: 9,
      rowsAccepted: 4,
      rowsRejected: 4,
      error: null,
    });
    const written = await values(run.id);
    expect(written).toEqual(
      expect.arrayContaining([
        "SAL-FIN-ITP 2019-Q1 = 10",
        "SAL-FIN-ITP 2019-Q2 = null",
        "SAL-FIN-ITP 2019-Q4 = -1.842105",
        "SAL-FIN-ITP 2019 = -0.465116",
        "SAL-FIN-FATTURE-PAGATE 2019-Q4 = 2",
        "SAL-FIN-IMPORTO-PAGATO 2019-Q4 = 3800",
        "SAL-FIN-IMPORTO-PAGATO 2019 = 4300",
        // L. 145/2018, the year only: every invoice paid fell due in 2019, so the paid part of the delay
        // is the ITP's −200000 / 430000; all were received in 2019, so all 4300 count as received.
        "SAL-FIN-L145-RITARDO-PAGATE 2019 = -0.465116",
        "SAL-FIN-L145-RICEVUTE-PAGATE 2019 = 4300",
      ]),
    );
    expect((await values(run.id)).filter((v) => v.includes("L145") && v.includes("-Q"))).toEqual([]);
    const year = await dataSource.manager.findOneByOrFail(Measurement, {
      jobRunId: run.id,
      periodKind: PeriodKind.YEAR,
      kpiId: (await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-ITP" })).id,
    });
    expect([year.numerator, year.denominator]).toEqual(["-200000", "430000"]);

    const rejected = await dataSource.manager.find(RejectedRow, {
      where: { jobRunId: run.id },
      order: { line: "ASC" },
    });
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [7, 'amount: "12,3,4" is not an amount in euro (e.g. 1.234,56)'],
      [8, 'payment_date: "31/02/2019" is not a date (dd/mm/yyyy or yyyy-mm-dd)'],
      [9, 'kind: "RIMBORSO" is neither PAGAMENTO nor NOTA_CREDITO'],
      [10, "invoice_id: no payment of invoice Z between 2019-01-01 and 2019-12-31 to set this credit note against"],
    ]);
    expect(JSON.parse(rejected[0].raw)).toMatchObject({ invoice_id: "F", amount: "12,3,4" });
  });

  it("supersedes the earlier values when a period is run again, and says so", async () => {
    // Only A and B this time: (1000 × 10 − 3000 × 5) / 4000 = −1.25.
    const rerun = (await runJob(
      dataSource,
      { job, source: new CsvInbox(inbox(GOOD.slice(0, 2))), period: q4, triggeredBy: "test" },
      options,
    ))!;
    expect(rerun.status).toBe(JobRunStatus.SUCCEEDED);
    // Its three values, and the year's five: 2019 is derived again from Q1 (500 × 10) and the new Q4:
    // (50 000 × 10 + 100 000 × 10 − 300 000 × 5) / (50 000 + 400 000) cents = 0 / 450 000 = 0 days;
    // the L. 145/2018 parts, measured over the whole year, wait for the year's run.
    expect(rerun.notes).toMatch(/^superseded 8 earlier values \(measurements (\d+, ){7}\d+\)$/);
    expect(await values(rerun.id)).toEqual(
      expect.arrayContaining([
        "SAL-FIN-ITP 2019 = 0",
        "SAL-FIN-IMPORTO-PAGATO 2019 = 4500",
        "SAL-FIN-FATTURE-PAGATE 2019 = null",
        "SAL-FIN-L145-RITARDO-PAGATE 2019 = null",
        "SAL-FIN-L145-RICEVUTE-PAGATE 2019 = null",
      ]),
    );
    const itp = await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-ITP" });
    const q4Values = await dataSource.manager.find(Measurement, {
      where: { kpiId: itp.id, periodKind: PeriodKind.QUARTER, periodIndex: 4 },
      order: { id: "ASC" },
    });
    expect(q4Values.map((m) => [m.value, m.supersedesId === null ? null : "supersedes"])).toEqual([
      ["-1.842105", null],
      ["-1.25", "supersedes"],
    ]);
    const year = await dataSource.manager.find(Measurement, {
      where: { jobRunId: rerun.id, kpiId: itp.id, periodKind: PeriodKind.YEAR },
    });
    expect([year[0].numerator, year[0].denominator]).toEqual(["0", "450000"]);
    expect(year[0].reason).toMatch(
      /^job run \d+ recomputed 2019, superseding measurement \d+: derived from the quarters in force after 2019-Q4 was run again$/,
    );
    const invoices = await dataSource.manager.findOneByOrFail(Measurement, {
      jobRunId: rerun.id,
      periodKind: PeriodKind.YEAR,
      kpiId: (await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-FATTURE-PAGATE" })).id,
    });
    expect(invoices.reason).toMatch(
      /: the invoices paid in 2019 do not add up from the quarters: stale until 2019 is run again$/,
    );
    expect(q4Values[1].reason).toMatch(
      new RegExp(`^job run ${rerun.id} recomputed 2019-Q4, superseding measurement ${q4Values[0].id}$`),
    );
  });

  it("reads a SQL table on its own connection and an HTTP JSON endpoint to the same figures", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "traguardo-source-")), "contabilita.sqlite");
    const source = new Database(file);
    source.exec(
      "CREATE TABLE payment_lines (invoice_id TEXT, kind TEXT, receipt_date TEXT, term_days INTEGER, payment_date TEXT, amount TEXT, split_vat TEXT, dispute_from TEXT, dispute_to TEXT)",
    );
    const insert = source.prepare("INSERT INTO payment_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const line of GOOD) {
      const [id, kind, receipt, term, paid, amount, vat] = line.split(";");
      const iso = (d: string) => d.split("/").reverse().join("-");
      insert.run(
        id,
        kind,
        iso(receipt),
        term === "" ? null : Number(term),
        iso(paid),
        amount.replace(".", "").replace(",", "."),
        vat === "" ? null : vat.replace(",", "."),
        null,
        null,
      );
    }
    source.close();
    const fromSql = (await runJob(
      dataSource,
      { job, source: new SqlTable(file, "payment_lines"), period: q4, triggeredBy: "test" },
      options,
    ))!;
    expect(fromSql).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 3, rowsAccepted: 3 });
    expect(await values(fromSql.id)).toContain("SAL-FIN-ITP 2019-Q4 = -1.842105");

    const rows = GOOD.map((line) => Object.fromEntries(HEADER.split(";").map((name, i) => [name, line.split(";")[i]])));
    const server: Server = createServer((request, response) => {
      expect(request.url).toBe("/pagamenti?dal=2019-10-01&al=2019-12-31");
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ rows }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pagamenti?dal={from}&al={to}`;
      const fromHttp = (await runJob(
        dataSource,
        { job, source: new HttpJson(url), period: q4, triggeredBy: "test" },
        options,
      ))!;
      expect(fromHttp).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 5, rowsAccepted: 3 });
      expect(await values(fromHttp.id)).toContain("SAL-FIN-ITP 2019-Q4 = -1.842105");
    } finally {
      server.close();
    }
  });

  it("counts an invoice paid in parts once from a SQL source, which hands its lines grouped by invoice", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "traguardo-source-")), "contabilita.sqlite");
    const source = new Database(file);
    source.exec(
      "CREATE TABLE payment_lines (invoice_id TEXT, kind TEXT, receipt_date TEXT, term_days INTEGER, payment_date TEXT, amount TEXT, split_vat TEXT, dispute_from TEXT, dispute_to TEXT)",
    );
    const insert = source.prepare(
      "INSERT INTO payment_lines VALUES (?, 'PAGAMENTO', '2019-10-01', 30, ?, '100.00', NULL, NULL, NULL)",
    );
    // In date order P1, P2, P1, P3, P2: three invoices, two of them paid in parts.
    for (const [invoice, paid] of [
      ["P1", "2019-10-05"],
      ["P2", "2019-10-06"],
      ["P1", "2019-10-07"],
      ["P3", "2019-11-01"],
      ["P2", "2019-12-01"],
    ])
      insert.run(invoice, paid);
    source.close();
    const sqlSource = new SqlTable(file, "payment_lines");
    const order: string[] = [];
    for await (const batch of sqlSource.read("2019-10-01", "2019-12-31", job.dateField, job.groupField))
      order.push(...batch.map((record) => String(record.fields.invoice_id)));
    expect(order).toEqual(["P1", "P1", "P2", "P2", "P3"]);
    const run = (await runJob(dataSource, { job, source: sqlSource, period: q4, triggeredBy: "test" }, options))!;
    expect(await values(run.id)).toContain("SAL-FIN-FATTURE-PAGATE 2019-Q4 = 3");
  });

  it("leaves no value behind when a run fails part way", async () => {
    const before = await dataSource.manager.count(Measurement);
    // A source is an AsyncIterable, so these stand-ins are async generators even with nothing to await.
    // eslint-disable-next-line @typescript-eslint/require-await
    const failing = scripted(async function* () {
      yield [
        { line: 2, fields: Object.fromEntries(HEADER.split(";").map((name, i) => [name, GOOD[0].split(";")[i]])) },
      ];
      throw new Error("connection reset by the accounting system");
    });
    const run = (await runJob(dataSource, { job, source: failing, period: q4, triggeredBy: "test" }, options))!;
    expect(run).toMatchObject({ status: JobRunStatus.FAILED, error: "connection reset by the accounting system" });
    expect(await dataSource.manager.count(Measurement)).toBe(before);
    expect(await dataSource.manager.count(RejectedRow, { where: { jobRunId: run.id } })).toBe(0);
  });

  it("retries a source that is down, with backoff, then records the run as failed with the cause", async () => {
    let attempts = 0;
    // A source down before its first row: a generator that throws on the first read, never yielding.
    // eslint-disable-next-line require-yield, @typescript-eslint/require-await
    const down = scripted(async function* () {
      attempts += 1;
      throw new SourceUnavailable(`accounting database unreachable (attempt ${attempts})`);
    });
    const failed = (await runJob(dataSource, { job, source: down, period: q4, triggeredBy: "test" }, options))!;
    expect(attempts).toBe(3);
    expect(failed.status).toBe(JobRunStatus.FAILED);
    expect(failed.error).toMatch(
      /^the source failed 3 times \(run \d+\): accounting database unreachable \(attempt 1\) \| .*\(attempt 3\)$/,
    );

    let calls = 0;
    const flaky = scripted(async function* () {
      calls += 1;
      if (calls === 1) throw new SourceUnavailable("timeout");
      yield* new CsvInbox(inbox(GOOD)).read();
    });
    expect((await runJob(dataSource, { job, source: flaky, period: q4, triggeredBy: "test" }, options))!.status).toBe(
      JobRunStatus.SUCCEEDED,
    );
  });

  it("runs a scheduled tick once when two servers fire it", async () => {
    const second = await db.twin(dataSource);
    try {
      const tick = new Date("2020-01-01T01:00:00.000Z");
      const source = () => new CsvInbox(inbox(GOOD));
      const runs = await Promise.all([
        runJob(
          dataSource,
          { job, source: source(), period: q4, triggeredBy: "scheduler", scheduledAt: tick },
          { ...options, holder: "server-a" },
        ),
        runJob(
          second,
          { job, source: source(), period: q4, triggeredBy: "scheduler", scheduledAt: tick },
          { ...options, holder: "server-b" },
        ),
      ]);
      expect(runs.filter((r) => r !== null)).toHaveLength(1);
      expect(await dataSource.manager.count(JobRun, { where: { scheduledAt: tick } })).toBe(1);
    } finally {
      if (second !== dataSource) await second.destroy();
    }
  });

  it("lets one run of a job hold the lease at a time, and ends runs a dead process left behind", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = scripted(async function* () {
      await gate;
      yield* new CsvInbox(inbox(GOOD)).read();
    });
    const first = runJob(
      dataSource,
      { job, source: slow, period: q4, triggeredBy: "alice" },
      { ...options, holder: "server-a" },
    );
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the first run take the lease
    const second = (await runJob(
      dataSource,
      { job, source: new CsvInbox(inbox(GOOD)), period: q4, triggeredBy: "bob" },
      { ...options, holder: "server-b" },
    ))!;
    // Issue 14.3: a run that meets the job still running elsewhere is skipped, not failed.
    expect(second.status).toBe(JobRunStatus.SKIPPED);
    expect(second.notes).toMatch(
      /^skipped: payment-timeliness is still running on server-a \(its lease renewed until /,
    );
    release();
    expect((await first)!.status).toBe(JobRunStatus.SUCCEEDED);

    // A process that died mid-run: its run stays RUNNING and its lease lapses.
    const dead = await dataSource.manager.save(
      JobRun,
      dataSource.manager.create(JobRun, {
        jobKey: job.key,
        period: "2019-Q4",
        status: JobRunStatus.RUNNING,
        scheduledAt: null,
        startedAt: new Date(Date.now() - 3_600_000),
        finishedAt: null,
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        leaseHolder: "server-dead",
        error: null,
        notes: null,
        triggeredBy: "scheduler",
      }),
    );
    await dataSource.query(
      "UPDATE job_lease SET holder = 'server-dead', expiresAt = '2020-01-01 00:00:00.000' WHERE jobKey = 'payment-timeliness'",
    );
    const next = (await runJob(
      dataSource,
      { job, source: new CsvInbox(inbox(GOOD)), period: q4, triggeredBy: "test" },
      options,
    ))!;
    expect(next.status).toBe(JobRunStatus.SUCCEEDED);
    const ended = await dataSource.manager.findOneByOrFail(JobRun, { id: dead.id });
    expect(ended).toMatchObject({
      status: JobRunStatus.INTERRUPTED,
      error: "interrupted: its process stopped before finishing; it wrote nothing",
    });
    expect(await dataSource.manager.count(Measurement, { where: { jobRunId: In([dead.id]) } })).toBe(0);
  });
});

describe.each(testDatabases)("the overdue debt job on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await openWithPlan(db)));
  afterAll(() => db.close(dataSource));

  it("reports the overdue debt and invoices at each period's latest open-items snapshot", async () => {
    // 30 Sep: A (due 31 Aug) overdue 1000. 31 Dec: A paid; B (due 31 Oct) 250 and C (due 15 Dec) 100 overdue;
    // D received 10 Dec, due 9 Jan: not yet. Q4 and the year: 350, 2 invoices.
    const folder = mkdtempSync(join(tmpdir(), "traguardo-open-items-"));
    writeFileSync(
      join(folder, "partite-aperte.csv"),
      [
        "invoice_id;receipt_date;term_days;outstanding;snapshot_date;dispute_from;dispute_to",
        "A;01/08/2019;30;1.000,00;30/09/2019;;",
        "B;01/10/2019;30;250,00;31/12/2019;;",
        "C;15/11/2019;30;100,00;31/12/2019;;",
        "D;10/12/2019;30;500,00;31/12/2019;;",
        "E;10/12/2019;30;-5,00;31/12/2019;;",
        "F;10/10/2019;30;80,00;31/12/2019;10/12/2019;01/12/2019",
      ].join("\n"),
    );
    const run = (await runJob(
      dataSource,
      { job: overdueDebtJob(), source: new CsvInbox(folder), period: year2019, triggeredBy: "test" },
      options,
    ))!;
    expect(run).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 6, rowsAccepted: 4, rowsRejected: 2 });
    const rejected = await dataSource.manager.find(RejectedRow, {
      where: { jobRunId: run.id },
      order: { line: "ASC" },
    });
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [6, "outstanding: cannot be negative"],
      [7, "dispute_to: ends before the dispute starts"],
    ]);
    const kpis = new Map((await dataSource.manager.find(Kpi)).map((k) => [k.id, k.code]));
    const values = (await dataSource.manager.find(Measurement, { where: { jobRunId: run.id } })).map(
      (m) => `${kpis.get(m.kpiId)} ${m.periodKind === PeriodKind.YEAR ? m.year : `Q${m.periodIndex}`} = ${m.value}`,
    );
    expect(values).toEqual(
      expect.arrayContaining([
        "SAL-FIN-DEBITO-SCADUTO Q3 = 1000",
        "SAL-FIN-DEBITO-SCADUTO Q4 = 350",
        "SAL-FIN-DEBITO-SCADUTO 2019 = 350",
        "SAL-FIN-FATTURE-SCADUTE 2019 = 2",
        "SAL-FIN-DEBITO-SCADUTO Q1 = null",
      ]),
    );
  });

  it("rejects a snapshot dated after today with its line and reason, and uses the rest", async () => {
    // Today is 15/01/2020 in Milan: A's snapshot of that day counts (due 31 Dec: 600.00 overdue); B's of 31/03 is to come.
    const folder = mkdtempSync(join(tmpdir(), "traguardo-open-items-"));
    writeFileSync(
      join(folder, "partite-aperte.csv"),
      [
        "invoice_id;receipt_date;term_days;outstanding;snapshot_date;dispute_from;dispute_to",
        "A;01/12/2019;30;600,00;15/01/2020;;",
        "B;01/12/2019;30;900,00;31/03/2020;;",
      ].join("\n"),
    );
    const q1: Period = { year: 2020, kind: PeriodKind.QUARTER, index: 1 };
    const run = (await runJob(
      dataSource,
      {
        job: overdueDebtJob("RESTART", () => "2020-01-15"),
        source: new CsvInbox(folder),
        period: q1,
        triggeredBy: "test",
      },
      options,
    ))!;
    expect(run).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    const rejected = await dataSource.manager.find(RejectedRow, { where: { jobRunId: run.id } });
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "snapshot_date: 2020-03-31 is in the future (today is 2020-01-15)"],
    ]);
    const overdue = await dataSource.manager.findOneByOrFail(Measurement, {
      jobRunId: run.id,
      kpiId: (await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-DEBITO-SCADUTO" })).id,
    });
    expect(overdue.value).toBe("600");
  });
});
