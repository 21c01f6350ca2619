/**
 * Benchmarks on MySQL/MariaDB (BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306), printing a
 * JSON report and tables:
 *   npm run bench                 Milan: 300,000 invoices, 2,000,000 CRM contacts and 300 Piano Quartieri
 *                                 interventions a year; 400 objectives, 1,500 KPIs; 15,000 employees
 *   npm run bench -- --scale 10   ten times that
 *   npm run bench -- --only incentives   only the plan and the incentives (no sources, no jobs)
 * Each job reads GENERATED rows from a source database through its SQL adapter, beside one
 * hand-written SQL statement that computes the same annual figures from the same rows. Then the
 * whole plan's attainment is recomputed, and eligibility and the payroll file made for everyone.
 */
import "reflect-metadata";
import { Command } from "commander";
import { cpus, totalmem } from "node:os";
import { createConnection } from "mysql2/promise";
import { recomputeAttainment } from "../bench/attainment";
import { loadGeneratedPlan } from "../bench/generated-plan";
import { benchIncentives } from "../bench/incentives";
import { benchJob, JOB_BENCHES } from "../bench/jobs";
import { measured } from "../bench/measure";
import { prepareDatabase } from "../prepare-database";
import { generateCrmContacts } from "../simulate/crm-contacts";
import { generatePaymentLines } from "../simulate/payment-lines";
import { CRM_CONTACTS, PAYMENT_LINES, WORKS_PROGRAMME, writeMysql } from "../simulate/sinks";
import { generateWorksProgramme } from "../simulate/works-programme";

const TARGET = "traguardo_bench";
const SOURCES = "traguardo_bench_sources";

/** The GENERATED source tables the jobs read, at the scale asked. */
async function generateSources(sourcesUrl: string, scale: number) {
  return {
    invoices: Math.round(300_000 * scale),
    paymentLines: await writeMysql(
      sourcesUrl,
      PAYMENT_LINES,
      generatePaymentLines(2019, Math.round(300_000 * scale)) as Iterable<Record<string, unknown>>,
    ),
    crmContacts: await writeMysql(
      sourcesUrl,
      CRM_CONTACTS,
      generateCrmContacts(2019, Math.round(2_000_000 * scale)) as Iterable<Record<string, unknown>>,
    ),
    milestones: await writeMysql(
      sourcesUrl,
      WORKS_PROGRAMME,
      generateWorksProgramme(2019, Math.round(300 * scale)) as Iterable<Record<string, unknown>>,
    ),
  };
}

async function main(options: { scale: string; only?: string }): Promise<void> {
  if (options.only !== undefined && options.only !== "incentives")
    throw new Error(`--only takes "incentives", not "${options.only}"`);
  const jobsToo = options.only === undefined;
  const server = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
  const scale = Number(options.scale);
  const admin = await createConnection(server);
  const [[{ version }]] = (await admin.query("SELECT VERSION() AS version")) as unknown as [[{ version: string }]];
  for (const db of [TARGET, SOURCES]) {
    await admin.query(`DROP DATABASE IF EXISTS ${db}`);
    await admin.query(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await admin.end();

  const sourcesUrl = `${server}/${SOURCES}`;
  const generated = jobsToo ? await generateSources(sourcesUrl, scale) : null;
  const { dataSource } = await prepareDatabase({ DATABASE_URL: `${server}/${TARGET}`, SQLITE_PATH: "" });

  const jobs = [];
  if (jobsToo) {
    const connection = await createConnection(sourcesUrl);
    for (const bench of JOB_BENCHES) jobs.push(await benchJob(dataSource, { url: sourcesUrl, connection }, bench));
    await connection.end();
  }

  const planSize = await loadGeneratedPlan(dataSource, scale);
  const attainment = await measured(() => recomputeAttainment(dataSource, 2019));
  const incentives = await benchIncentives(dataSource, Math.round(15_000 * scale));
  await dataSource.destroy();

  const report = {
    machine: {
      cpu: cpus()[0]?.model,
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      database: version,
    },
    scale,
    generated,
    jobs,
    attainment: {
      ...planSize,
      ...attainment.result,
      seconds: +attainment.seconds.toFixed(2),
      peakRssAboveBaselineMb: +attainment.peakRssMb.toFixed(1),
      peakHeapAboveBaselineMb: +attainment.peakHeapMb.toFixed(1),
    },
    incentives,
  };
  console.log(JSON.stringify(report, null, 2));
  if (jobs.length)
    console.table(
      jobs.map((j) => ({
        job: j.job,
        rows: j.rowsRead,
        seconds: j.seconds,
        rowsPerSecond: j.rowsPerSecond,
        peakRssMb: j.peakRssAboveBaselineMb,
        peakHeapMb: j.peakHeapAboveBaselineMb,
        handWrittenSqlSeconds: j.handWrittenSqlSeconds,
        ratio: j.ratioJobToSql,
        sameFigures: j.sameFigures,
      })),
    );
  console.table([
    {
      step: `recompute the whole plan's attainment (${report.attainment.objectiveScores} objective scores)`,
      seconds: report.attainment.seconds,
      peakHeapMb: report.attainment.peakHeapAboveBaselineMb,
    },
    {
      step: `eligibility and amounts of ${incentives.employees} employees (${incentives.eligibilities} eligibilities)`,
      seconds: incentives.eligibilityAndAmountsSeconds,
      peakHeapMb: incentives.eligibilityPeakHeapMb,
    },
    { step: "payroll file from them", seconds: incentives.payrollFileSeconds },
    { step: "validate the year (compute afresh and freeze)", seconds: incentives.validateAndFreezeSeconds },
    {
      step: "payroll export (validated, frozen)",
      seconds: incentives.frozenExportSeconds,
      peakHeapMb: incentives.frozenExportPeakHeapMb,
    },
    { step: "payroll export (closed, frozen)", seconds: incentives.frozenExportAfterCloseSeconds },
  ]);
  if (!jobs.every((j) => j.sameFigures) || !incentives.frozenExportIdentical) process.exitCode = 1;
}

new Command("bench")
  .option("--scale <n>", "1 = Milan (300,000 invoices a year)", "1")
  .option("--only <part>", "incentives: only the plan and the incentives, no sources or jobs")
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
