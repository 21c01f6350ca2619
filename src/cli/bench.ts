/**
 * Benchmarks on MySQL/MariaDB (BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306), printing a
 * JSON report and a table:
 *   npm run bench                 the ITP and CRM jobs at Milan's size (300,000 invoices, 2,000,000 contacts a year)
 *   npm run bench -- --scale 0.1  a tenth of it, for a quick look
 * Each job reads GENERATED rows from a source database through its SQL adapter; beside it, one
 * hand-written SQL aggregate computes the same annual figures on the same rows.
 */
import "reflect-metadata";
import { Command } from "commander";
import { cpus, totalmem } from "node:os";
import { createConnection } from "mysql2/promise";
import { DataSource, IsNull } from "typeorm";
import { SqlTable } from "../../jobs/adapters/sql-table";
import { crmResponseJob } from "../../jobs/crm-response.job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { CycleStatus, PeriodKind, ReviewDecision, Role } from "../../entities/enums";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { runJob } from "../jobs/run-job";
import { moveCycle } from "../cycles/cycles";
import { recordReview } from "../cycles/reviews";
import { isWithin } from "../dates";
import { computeCycleEligibility } from "../incentives/cycle-eligibility";
import { payrollCsv } from "../incentives/payroll-export";
import { importPeople } from "../people/import-people";
import { prepareDatabase } from "../prepare-database";
import { generatePeople } from "../simulate/people";
import { generateCrmContacts } from "../simulate/crm-contacts";
import { generatePaymentLines } from "../simulate/payment-lines";
import { CRM_CONTACTS, PAYMENT_LINES, writeMysql } from "../simulate/sinks";

const TARGET = "traguardo_bench";
const SOURCES = "traguardo_bench_sources";

/** The annual ITP in one SQL statement: the baseline the job is compared with. */
const HAND_WRITTEN_ITP = `
  SELECT SUM(s * net * DATEDIFF(payment_date, GREATEST(
           DATE_ADD(receipt_date, INTERVAL LEAST(COALESCE(term_days, 30), 60) DAY),
           COALESCE(DATE_ADD(dispute_to, INTERVAL LEAST(COALESCE(term_days, 30), 60) DAY), '1000-01-01'))))
         / SUM(s * net) AS itp,
         COUNT(DISTINCT CASE WHEN kind = 'PAGAMENTO' THEN invoice_id END) AS invoices
  FROM (SELECT p.*, CASE kind WHEN 'NOTA_CREDITO' THEN -1 ELSE 1 END AS s, amount - COALESCE(split_vat, 0) AS net
        FROM payment_lines p WHERE payment_date BETWEEN ? AND ?) paid`;

/** The annual CRM response rate and service-level share in one SQL statement (calendar days, 30-day level). */
const HAND_WRITTEN_CRM = `
  SELECT COUNT(*) AS contacts,
         100 * SUM(requires_response = 'S' AND first_response_by = 'OPERATORE') / SUM(requires_response = 'S') AS responseRate,
         100 * SUM(requires_response = 'S' AND first_response_by = 'OPERATORE'
                   AND GREATEST(0, DATEDIFF(first_response_at, created_at) - COALESCE(paused_days, 0)) <= 30) / SUM(requires_response = 'S') AS withinServiceLevel
  FROM crm_contacts WHERE created_at BETWEEN ? AND ?`;

/**
 * Peak memory while `work` runs, sampled every 20 ms, above what was in use before: resident size,
 * and the JS heap in use (which, unlike the resident size, falls back when an earlier run's memory
 * is freed, so a later run is not hidden by the slack an earlier one left).
 */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssMb: number; peakHeapMb: number; rssBeforeMb: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const sampler = setInterval(sample, 20);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    sample();
    return { result, seconds, peakRssMb: (peakRss - before.rss) / 2 ** 20, peakHeapMb: (peakHeap - before.heapUsed) / 2 ** 20, rssBeforeMb: before.rss / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

async function main(options: { scale: string }): Promise<void> {
  const server = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
  const scale = Number(options.scale);
  const invoices = Math.round(300_000 * scale);
  const admin = await createConnection(server);
  const [[{ version }]] = (await admin.query("SELECT VERSION() AS version")) as unknown as [[{ version: string }]];
  for (const db of [TARGET, SOURCES]) {
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await admin.end();

  const contactsPerYear = Math.round(2_000_000 * scale);
  const generated = await measured(() => writeMysql(`${server}/${SOURCES}`, PAYMENT_LINES, generatePaymentLines(2019, invoices) as Iterable<Record<string, unknown>>));
  const generatedContacts = await writeMysql(`${server}/${SOURCES}`, CRM_CONTACTS, generateCrmContacts(2019, contactsPerYear) as Iterable<Record<string, unknown>>);
  const { dataSource } = await prepareDatabase({ DATABASE_URL: `${server}/${TARGET}`, SQLITE_PATH: "" });

  const year = { year: 2019, kind: PeriodKind.YEAR, index: 0 };
  const job = await measured(() => runJob(dataSource, {
    job: paymentTimelinessJob() as never, source: new SqlTable(`${server}/${SOURCES}`, "payment_lines"), period: year, triggeredBy: "bench",
  }, { holder: "bench", leaseMs: 600_000, retries: 0, backoffMs: 0 }));
  const run = job.result!;
  const itpKpi = await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-ITP" });
  const annual = await dataSource.manager.findOneByOrFail(Measurement, { jobRunId: run.id, kpiId: itpKpi.id, periodKind: PeriodKind.YEAR });
  const countKpi = await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-FATTURE-PAGATE" });
  const annualCount = await dataSource.manager.findOneByOrFail(Measurement, { jobRunId: run.id, kpiId: countKpi.id, periodKind: PeriodKind.YEAR });

  const crmJob = await measured(() => runJob(dataSource, {
    job: crmResponseJob({ serviceLevelDays: 30, dayCount: "CALENDAR", configuredChannels: ["020202", "EMAIL", "WEB", "APP", "SOCIAL", "SPORTELLO", "PEC", "CHAT"] }) as never,
    source: new SqlTable(`${server}/${SOURCES}`, "crm_contacts"), period: year, triggeredBy: "bench",
  }, { holder: "bench", leaseMs: 600_000, retries: 0, backoffMs: 0 }));
  const crmRun = crmJob.result!;
  const crmValue = async (code: string) => (await dataSource.manager.findOneByOrFail(Measurement, {
    jobRunId: crmRun.id, kpiId: (await dataSource.manager.findOneByOrFail(Kpi, { code })).id, periodKind: PeriodKind.YEAR, breakdown: IsNull(),
  })).value;

  const source = await createConnection(`${server}/${SOURCES}`);
  const sql = await measured(async () => (await source.query(HAND_WRITTEN_ITP, ["2019-01-01", "2019-12-31"]))[0] as Array<{ itp: string; invoices: number }>);
  const crmSql = await measured(async () => (await source.query(HAND_WRITTEN_CRM, ["2019-01-01", "2019-12-31"]))[0] as Array<{ contacts: number; responseRate: string; withinServiceLevel: string }>);
  await source.end();
  const crmFigures = { contacts: await crmValue("SAL-CRM-CONTATTI"), responseRate: await crmValue("SAL-CRM-TASSO-RISPOSTA"), withinServiceLevel: await crmValue("SAL-CRM-ENTRO-SLA") };
  const incentives = await benchIncentives(dataSource, Math.round(15_000 * scale));
  await dataSource.destroy();

  const report = {
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, database: version },
    scale, invoices, paymentLines: generated.result,
    itpJob: {
      status: run.status, rowsRead: run.rowsRead, seconds: +job.seconds.toFixed(3), rowsPerSecond: Math.round(run.rowsRead / job.seconds),
      peakRssAboveBaselineMb: +job.peakRssMb.toFixed(1), peakHeapAboveBaselineMb: +job.peakHeapMb.toFixed(1), annualItp: annual.value, invoices: Number(annualCount.value),
    },
    handWrittenSql: { seconds: +sql.seconds.toFixed(3), annualItp: Number(sql.result[0].itp).toFixed(2), invoices: sql.result[0].invoices },
    ratioJobToSql: +(job.seconds / sql.seconds).toFixed(1),
    crmJob: {
      status: crmRun.status, contacts: generatedContacts, rowsRead: crmRun.rowsRead, seconds: +crmJob.seconds.toFixed(3),
      rowsPerSecond: Math.round(crmRun.rowsRead / crmJob.seconds), peakRssAboveBaselineMb: +crmJob.peakRssMb.toFixed(1), peakHeapAboveBaselineMb: +crmJob.peakHeapMb.toFixed(1), figures: crmFigures,
    },
    crmHandWrittenSql: {
      seconds: +crmSql.seconds.toFixed(3), contacts: Number(crmSql.result[0].contacts),
      responseRate: Number(crmSql.result[0].responseRate).toFixed(2), withinServiceLevel: Number(crmSql.result[0].withinServiceLevel).toFixed(2),
    },
    crmRatioJobToSql: +(crmJob.seconds / crmSql.seconds).toFixed(1),
    incentives,
    sameFigure: Number(annual.value).toFixed(2) === Number(sql.result[0].itp).toFixed(2) && Number(annualCount.value) === Number(sql.result[0].invoices),
    sameCrmFigures: Number(crmFigures.contacts) === Number(crmSql.result[0].contacts)
      && Number(crmFigures.responseRate).toFixed(2) === Number(crmSql.result[0].responseRate).toFixed(2)
      && Number(crmFigures.withinServiceLevel).toFixed(2) === Number(crmSql.result[0].withinServiceLevel).toFixed(2),
  };
  console.log(JSON.stringify(report, null, 2));
  console.table([
    { measure: "ITP job (stream through the SQL adapter)", seconds: report.itpJob.seconds, rowsPerSecond: report.itpJob.rowsPerSecond, peakRssMb: report.itpJob.peakRssAboveBaselineMb, peakHeapMb: report.itpJob.peakHeapAboveBaselineMb, itp: report.itpJob.annualItp },
    { measure: "one hand-written SQL aggregate", seconds: report.handWrittenSql.seconds, rowsPerSecond: Math.round(run.rowsRead / sql.seconds), peakRssMb: +sql.peakRssMb.toFixed(1), itp: report.handWrittenSql.annualItp },
    { measure: "CRM job (stream through the SQL adapter)", seconds: report.crmJob.seconds, rowsPerSecond: report.crmJob.rowsPerSecond, peakRssMb: report.crmJob.peakRssAboveBaselineMb, peakHeapMb: report.crmJob.peakHeapAboveBaselineMb, responseRate: crmFigures.responseRate },
    { measure: "one hand-written SQL aggregate (CRM)", seconds: report.crmHandWrittenSql.seconds, rowsPerSecond: Math.round(crmRun.rowsRead / crmSql.seconds), peakRssMb: +crmSql.peakRssMb.toFixed(1), responseRate: report.crmHandWrittenSql.responseRate },
  ]);
  console.table([{ measure: `eligibility of ${incentives.employees} employees`, seconds: incentives.eligibilitySeconds, peakRssMb: incentives.eligibilityPeakRssMb },
    { measure: "payroll export (validated, computed)", seconds: incentives.payrollExportSeconds },
    { measure: "close the cycle (freeze)", seconds: incentives.closeAndFreezeSeconds },
    { measure: "payroll export (closed, frozen)", seconds: incentives.frozenExportSeconds }]);
  if (!report.sameFigure || !report.sameCrmFigures || !incentives.frozenExportIdentical) process.exitCode = 1;
}

/**
 * Eligibility and the payroll file for the whole staff. So that every unit has a score, the
 * Nucleo's overrides stand in for attainment the generated sources do not cover (labelled so).
 */
async function benchIncentives(dataSource: DataSource, employees: number) {
  const nucleo = { subject: "bench-nucleo", roles: [Role.EVALUATION_BOARD], units: [] };
  const admin = { subject: "bench-admin", roles: [Role.ADMIN], units: [] };
  const review = (objectiveKey: string | null, unitCode: string | null, score: number) => recordReview(dataSource, nucleo, {
    year: 2019, objectiveKey, unitCode, decision: ReviewDecision.OVERRIDDEN, score, comment: "bench: stands in for attainment the generated sources do not cover",
  });
  for (const key of ["SOL-SOLIDALE", "SOL-ATTRATTIVA", "SOL-DIGITALE", "SOL-AMBIENTE"]) await review(key, null, 1);
  for (const key of ["GES-ANTICORRUZIONE", "GES-PROGRAMMAZIONE", "GES-DIGITALIZZAZIONE", "GES-ERP"]) await review(key, null, 0.9);
  const units = (await dataSource.manager.find(OrgUnit)).filter((u) => u.kind !== "AREA" && isWithin("2019-12-31", u.validFrom, u.validTo)).map((u) => u.code);
  for (const [i, code] of units.entries()) await review(null, code, 0.6 + ((i * 7) % 10) / 25);
  const people = generatePeople(units, employees, 2019);
  const imported = await measured(() => importPeople(dataSource, admin, people));
  const eligibility = await measured(() => computeCycleEligibility(dataSource, 2019));
  await moveCycle(dataSource, admin, { year: 2019, to: CycleStatus.UNDER_REVIEW, actKey: null, note: null });
  await moveCycle(dataSource, nucleo, { year: 2019, to: CycleStatus.VALIDATED, actKey: "BENCH-NV", note: null });
  const exported = await measured(() => payrollCsv(dataSource, 2019));
  const closed = await measured(() => moveCycle(dataSource, admin, { year: 2019, to: CycleStatus.CLOSED, actKey: null, note: null }));
  const frozenExport = await measured(() => payrollCsv(dataSource, 2019));
  return {
    employees, units: units.length,
    importSeconds: +imported.seconds.toFixed(2),
    eligibilitySeconds: +eligibility.seconds.toFixed(2), eligibilityPeakRssMb: +eligibility.peakRssMb.toFixed(1),
    paid: eligibility.result.rows.filter((r) => (r.payableShare ?? 0) > 0).length,
    payrollExportSeconds: +exported.seconds.toFixed(2), payrollBytes: Buffer.byteLength(exported.result),
    closeAndFreezeSeconds: +closed.seconds.toFixed(2), frozenExportSeconds: +frozenExport.seconds.toFixed(2),
    frozenExportIdentical: frozenExport.result === exported.result,
  };
}

new Command("bench").option("--scale <n>", "1 = Milan (300,000 invoices a year)", "1").action(main).parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
