/**
 * Benchmarks on MySQL/MariaDB (BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306), printing a
 * JSON report and tables:
 *   npm run bench                 Milan: 300,000 invoices, 2,000,000 CRM contacts and 300 Piano Quartieri
 *                                 interventions a year; 400 objectives, 1,500 KPIs; 15,000 employees
 *   npm run bench -- --scale 10   ten times that
 *   npm run bench -- --only incentives   only the plan and the incentives (no sources, no jobs)
 *   npm run bench -- --only jobs         only the jobs (no plan, attainment or incentives)
 *   npm run bench -- --jobs ITP,CRM      only these job benches (labels ITP, CRM, "Piano Quartieri")
 *   npm run bench -- --sources traguardo_bench_sources_100 --scale 100 [--reuse-sources]
 *                                 the sources in that database (default traguardo_bench_sources);
 *                                 with --reuse-sources a table it holds at the same scale is kept,
 *                                 one at another scale stops the bench
 * Each job reads GENERATED rows from a source database through its SQL adapter, beside one
 * hand-written SQL statement that computes the same annual figures from the same rows. Only the
 * tables of the jobs asked are generated (each replaced; the others in the database are left).
 * Then the whole plan's attainment is recomputed, and eligibility and the payroll file made for
 * everyone.
 */
import "reflect-metadata";
import { Command, Option } from "commander";
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { createConnection } from "mysql2/promise";
import { recomputeAttainment } from "../bench/attainment";
import { loadGeneratedPlan } from "../bench/generated-plan";
import { benchIncentives } from "../bench/incentives";
import { benchJob, JOB_BENCHES } from "../bench/jobs";
import { measured } from "../bench/measure";
import { prepareDatabase } from "../prepare-database";
import { provideSources, SourceFigures } from "../bench/sources";

interface Options {
  /** Internal: this process only provides these tables of the sources and prints their figures (sourcesApart). */
  provideSources?: string;
  scale: string;
  only?: string;
  jobs?: string;
  sources: string;
  reuseSources?: boolean;
  target: string;
  tries: string;
}

/** The job benches asked by label (any case), all by default. */
function benchesAsked(labels: string | undefined) {
  if (labels === undefined) return JOB_BENCHES;
  return labels.split(",").map((label) => {
    const bench = JOB_BENCHES.find((b) => b.label.toLowerCase() === label.trim().toLowerCase());
    if (!bench) throw new Error(`--jobs: no job bench "${label}" (${JOB_BENCHES.map((b) => b.label).join(", ")})`);
    return bench;
  });
}

/**
 * The sources, generated (or found, with --reuse-sources) by this script in a process of its own.
 * After generating them in the same process its jobs ran slower: the CRM's 2.42 s against 1.88 s at
 * scale 1, the ITP's 1.60 s against 1.31 s, and reading alone 1.40 s against 1.26 s. A job runner
 * has never generated its source, so the jobs are measured in a process that has not either.
 */
function sourcesApart(options: Options, tables: string[]): SourceFigures[] {
  const output = execFileSync(
    process.execPath,
    [
      __filename,
      ...["--provide-sources", tables.join(","), "--scale", options.scale, "--sources", options.sources],
      ...(options.reuseSources ? ["--reuse-sources"] : []),
    ],
    { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").pop()!) as SourceFigures[];
}

async function main(options: Options): Promise<void> {
  if (options.only !== undefined && !["incentives", "jobs"].includes(options.only))
    throw new Error(`--only takes "incentives" or "jobs", not "${options.only}"`);
  for (const [option, name] of [
    ["--sources", options.sources],
    ["--target", options.target],
  ])
    if (!/^\w+$/.test(name)) throw new Error(`${option}: "${name}" is not a database name`);
  if (options.provideSources !== undefined) {
    const url = `${(process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "")}/${options.sources}`;
    const connection = await createConnection(url);
    const tables = options.provideSources.split(",");
    const figures = await provideSources(connection, url, tables, Number(options.scale), !!options.reuseSources);
    console.log(JSON.stringify(figures));
    await connection.end();
    return;
  }
  const target = options.target;
  const jobsToo = options.only !== "incentives";
  const incentivesToo = options.only !== "jobs";
  const benches = jobsToo ? benchesAsked(options.jobs) : [];
  const server = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
  const scale = Number(options.scale);
  const admin = await createConnection(server);
  const [[{ version }]] = (await admin.query("SELECT VERSION() AS version")) as unknown as [[{ version: string }]];
  await admin.query(`DROP DATABASE IF EXISTS ${target}`);
  for (const db of jobsToo ? [target, options.sources] : [target])
    await admin.query(`CREATE DATABASE IF NOT EXISTS ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();

  const sourcesUrl = `${server}/${options.sources}`;
  const tables = [...new Set(benches.map((b) => b.table))];
  const generated = jobsToo ? sourcesApart(options, tables) : null;
  const connection = jobsToo ? await createConnection(sourcesUrl) : null;
  const { dataSource } = await prepareDatabase({ DATABASE_URL: `${server}/${target}`, SQLITE_PATH: "" });

  const jobs = [];
  if (connection) {
    for (const bench of benches)
      jobs.push(await benchJob(dataSource, { url: sourcesUrl, connection }, bench, Number(options.tries)));
    await connection.end();
  }

  const planSize = incentivesToo ? await loadGeneratedPlan(dataSource, scale) : null;
  const attainment = incentivesToo ? await measured(() => recomputeAttainment(dataSource, 2019)) : null;
  const incentives = incentivesToo ? await benchIncentives(dataSource, Math.round(15_000 * scale)) : null;
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
    attainment:
      planSize && attainment
        ? {
            ...planSize,
            ...attainment.result,
            seconds: +attainment.seconds.toFixed(2),
            peakRssAboveBaselineMb: +attainment.peakRssMb.toFixed(1),
            peakHeapAboveBaselineMb: +attainment.peakHeapMb.toFixed(1),
          }
        : null,
    incentives,
  };
  console.log(JSON.stringify(report, null, 2));
  if (generated) console.table(generated);
  if (jobs.length)
    console.table(
      jobs.map((j) => ({
        job: j.job,
        rows: j.rowsRead,
        [`median of ${j.tries} s`]: j.seconds,
        rowsPerSecond: j.rowsPerSecond,
        peakRssMb: j.peakRssAboveBaselineMb,
        peakHeapMb: j.peakHeapAboveBaselineMb,
        handWrittenSqlSeconds: j.handWrittenSqlSeconds,
        ratio: j.ratioJobToSql,
        ratioOfTries: j.medianRatioOfTries,
        readingAloneSeconds: j.readingAloneSeconds,
        sameFigures: j.sameFigures,
      })),
    );
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")}`,
  );
  if (report.attainment && incentives)
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
      { step: "close the validated year (its figures already frozen)", seconds: incentives.closeSeconds },
      {
        step: "payroll export (validated, frozen)",
        seconds: incentives.frozenExportSeconds,
        peakHeapMb: incentives.frozenExportPeakHeapMb,
      },
      { step: "payroll export (closed, frozen)", seconds: incentives.frozenExportAfterCloseSeconds },
    ]);
  if (!jobs.every((j) => j.sameFigures) || (incentives && !incentives.frozenExportIdentical)) process.exitCode = 1;
}

new Command("bench")
  .option("--scale <n>", "1 = Milan (300,000 invoices a year)", "1")
  .option("--only <part>", "incentives: only the plan and the incentives, no sources or jobs; jobs: only the jobs")
  .option(
    "--jobs <labels>",
    `the job benches to run, by label, comma-separated (${JOB_BENCHES.map((b) => b.label).join(", ")})`,
  )
  .option("--sources <database>", "the database of the GENERATED sources", "traguardo_bench_sources")
  .option("--reuse-sources", "keep the sources that database already holds at this scale instead of generating them")
  .option("--target <database>", "Traguardo's database, dropped and made anew", "traguardo_bench")
  .option("--tries <n>", "runs of each job and its statement, in turn (medians reported)", "3")
  .addOption(new Option("--provide-sources <tables>").hideHelp())
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
