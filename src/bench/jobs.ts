import { Connection } from "mysql2/promise";
import { DataSource, IsNull } from "typeorm";
import { SqlTable } from "../../jobs/adapters/sql-table";
import { crmResponseJob } from "../../jobs/crm-response.job";
import { JobDefinition } from "../../jobs/job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { pianoQuartieriJob } from "../../jobs/piano-quartieri.job";
import { PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { runJob } from "../../jobs/engine/run-job";
import { measured } from "./measure";

/** A job measured beside one hand-written SQL statement that computes its annual figures from the same rows. */
interface JobBench {
  label: string;
  job: JobDefinition<unknown>;
  table: string;
  /** With the year's first and last day as :from and :to. */
  handWritten: string;
  /** The statement's columns, each with the KPI whose annual value (the whole) it must equal to 2 decimals. */
  figures: Record<string, string>;
}

export const JOB_BENCHES: JobBench[] = [
  {
    label: "ITP",
    job: paymentTimelinessJob(),
    table: "payment_lines",
    // Credit notes set off as the job does (credit-notes.ts): against their invoice's payments of
    // the year, latest first; a payment credited in full no longer counts its invoice as paid. (The job
    // also refuses a note worth more than was paid; the GENERATED notes, 10% of an invoice, never are.)
    handWritten: `
      WITH line AS (
        SELECT invoice_id, kind, payment_date,
               ROUND(100 * (amount - COALESCE(split_vat, 0))) AS net,
               DATEDIFF(payment_date, GREATEST(
                 DATE_ADD(receipt_date, INTERVAL LEAST(COALESCE(term_days, 30), 60) DAY),
                 COALESCE(DATE_ADD(dispute_to, INTERVAL LEAST(COALESCE(term_days, 30), 60) + 1 DAY), '1000-01-01'))) AS late
        FROM payment_lines WHERE payment_date BETWEEN :from AND :to),
      credit AS (SELECT invoice_id, SUM(net) AS credit FROM line WHERE kind = 'NOTA_CREDITO' GROUP BY invoice_id),
      taken AS (
        SELECT l.invoice_id, l.late, l.net,
               LEAST(c.credit, SUM(l.net) OVER w) - LEAST(c.credit, SUM(l.net) OVER w - l.net) AS taken
        FROM line l JOIN credit c ON c.invoice_id = l.invoice_id WHERE l.kind = 'PAGAMENTO'
        WINDOW w AS (PARTITION BY l.invoice_id ORDER BY l.payment_date DESC ROWS UNBOUNDED PRECEDING)),
      paid AS (SELECT SUM(net * late) AS n, SUM(net) AS d, COUNT(DISTINCT invoice_id) AS invoices
               FROM line WHERE kind = 'PAGAMENTO'),
      credited AS (SELECT SUM(taken * late) AS n, SUM(taken) AS d,
                          COUNT(DISTINCT invoice_id) - COUNT(DISTINCT CASE WHEN net > taken THEN invoice_id END) AS gone
                   FROM taken)
      SELECT (p.n - COALESCE(c.n, 0)) / (p.d - COALESCE(c.d, 0)) AS itp, p.invoices - COALESCE(c.gone, 0) AS invoices
      FROM paid p CROSS JOIN credited c`,
    figures: { itp: "SAL-FIN-ITP", invoices: "SAL-FIN-FATTURE-PAGATE" },
  },
  {
    label: "CRM",
    table: "crm_contacts",
    job: crmResponseJob({
      serviceLevelDays: 30,
      dayCount: "CALENDAR",
      configuredChannels: ["020202", "EMAIL", "WEB", "APP", "SOCIAL", "SPORTELLO", "PEC", "CHAT"],
    }),
    // Rate and service level only (the job also gives medians and 90th percentiles per channel).
    handWritten: `
      SELECT COUNT(*) AS contacts,
             100 * SUM(requires_response = 'S' AND first_response_by = 'OPERATORE') / SUM(requires_response = 'S') AS responseRate,
             100 * SUM(requires_response = 'S' AND first_response_by = 'OPERATORE'
                       AND GREATEST(0, DATEDIFF(first_response_at, created_at) - COALESCE(paused_days, 0)) <= 30) / SUM(requires_response = 'S') AS withinServiceLevel
      FROM crm_contacts WHERE created_at BETWEEN :from AND :to`,
    figures: {
      contacts: "SAL-CRM-CONTATTI",
      responseRate: "SAL-CRM-TASSO-RISPOSTA",
      withinServiceLevel: "SAL-CRM-ENTRO-SLA",
    },
  },
  {
    label: "Piano Quartieri",
    job: pianoQuartieriJob(),
    table: "works_programme",
    // Milestones due by the year's end and done by then, weighed by budget (the mean budget where none is given).
    handWritten: `
      WITH i AS (
        SELECT intervention_id, MAX(budget) AS budget, COUNT(*) AS due, SUM(done_date <= :to) AS done
        FROM works_programme WHERE planned_date BETWEEN :from AND :to GROUP BY intervention_id),
      m AS (SELECT COUNT(budget) AS budgeted, AVG(budget) AS mean FROM i)
      SELECT 100 * SUM(CASE WHEN m.budgeted > 0 THEN COALESCE(i.budget, m.mean) ELSE 1 END * COALESCE(i.done, 0))
                 / SUM(CASE WHEN m.budgeted > 0 THEN COALESCE(i.budget, m.mean) ELSE 1 END * i.due) AS progress
      FROM i CROSS JOIN m`,
    figures: { progress: "SOL-PIANO-QUARTIERI" },
  },
];

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/**
 * Runs a job over 2019 through its SQL adapter, then its hand-written statement, `tries` times in
 * turn (medians reported: this machine's speed moves from minute to minute; also the median of each
 * try's ratio, a job against the statement right after it), and compares their figures. Also
 * times reading the rows alone through the adapter, the floor of any job that streams them.
 */
export async function benchJob(
  dataSource: DataSource,
  sources: { url: string; connection: Connection },
  bench: JobBench,
  tries = 3,
) {
  const period = { year: 2019, kind: PeriodKind.YEAR, index: 0 };
  const source = new SqlTable(sources.url, bench.table);
  const jobs = [];
  const statements = [];
  // Each try's job against the statement run right after it: a slow minute of the machine slows both.
  const ratios: number[] = [];
  for (let i = 0; i < tries; i += 1) {
    jobs.push(
      await measured(() =>
        runJob(
          dataSource,
          { job: bench.job, source, period, triggeredBy: "bench", force: true },
          { holder: "bench", leaseMs: 3_600_000, retries: 0, backoffMs: 0 },
        ),
      ),
    );
    statements.push(
      await measured(
        async () =>
          (
            (
              await sources.connection.query(
                { sql: bench.handWritten, namedPlaceholders: true },
                { from: "2019-01-01", to: "2019-12-31" },
              )
            )[0] as Array<Record<string, unknown>>
          )[0],
      ),
    );
    ratios.push(jobs[i].seconds / statements[i].seconds);
  }
  const reading = await measured(async () => {
    let rows = 0;
    for await (const batch of source.read("2019-01-01", "2019-12-31", bench.job.dateField, bench.job.groupField))
      rows += batch.length;
    return rows;
  });
  const run = jobs[jobs.length - 1].result!;
  const sql = statements[statements.length - 1];
  const figures: Record<string, { job: string | null; sql: string }> = {};
  for (const [column, kpiCode] of Object.entries(bench.figures)) {
    const kpi = await dataSource.manager.findOneByOrFail(Kpi, { code: kpiCode });
    const value = await dataSource.manager.findOneByOrFail(Measurement, {
      jobRunId: run.id,
      kpiId: kpi.id,
      periodKind: PeriodKind.YEAR,
      breakdown: IsNull(),
    });
    figures[column] = { job: value.value, sql: Number(sql.result[column]).toFixed(2) };
  }
  const jobSeconds = median(jobs.map((j) => j.seconds));
  const sqlSeconds = median(statements.map((s) => s.seconds));
  return {
    job: bench.label,
    status: run.status,
    rowsRead: run.rowsRead,
    tries,
    seconds: +jobSeconds.toFixed(3),
    secondsEachTry: jobs.map((j) => +j.seconds.toFixed(2)),
    rowsPerSecond: Math.round(run.rowsRead / jobSeconds),
    peakRssAboveBaselineMb: +Math.max(...jobs.map((j) => j.peakRssMb)).toFixed(1),
    peakHeapAboveBaselineMb: +Math.max(...jobs.map((j) => j.peakHeapMb)).toFixed(1),
    handWrittenSqlSeconds: +sqlSeconds.toFixed(3),
    handWrittenSqlSecondsEachTry: statements.map((s) => +s.seconds.toFixed(2)),
    ratioJobToSql: +(jobSeconds / sqlSeconds).toFixed(2),
    ratioEachTry: ratios.map((r) => +r.toFixed(2)),
    medianRatioOfTries: +median(ratios).toFixed(2),
    readingAloneSeconds: +reading.seconds.toFixed(3),
    ratioReadingToSql: +(reading.seconds / sqlSeconds).toFixed(2),
    figures,
    sameFigures: Object.values(figures).every((f) => f.job !== null && Number(f.job).toFixed(2) === f.sql),
  };
}
