/**
 * Two API processes, each with its scheduler, on one MariaDB database: every tick must run once,
 * no value may be written twice, and dashboards keep answering while the job runs.
 *   npm run bench:replicas -- --ticks 6
 * Runs on the database `npm run bench` prepared (traguardo_bench); the job reads a GENERATED CSV.
 */
import "reflect-metadata";
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { createConnection } from "mysql2/promise";
import { percentiles } from "../bench/load-generator";
import { projectRoot } from "../project-root";
import { generatePaymentLines } from "../simulate/payment-lines";
import { PAYMENT_LINES, writeCsv } from "../simulate/sinks";

const DASHBOARD = `{ orgUnits(asOf: "2019-12-31") { name head { name } objectives(year: 2019) { number title owner { name } collaborators { name } } } }`;
const TICK_SECONDS = 10;

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server on port ${port} never answered`);
}

async function main(options: { ticks: string }): Promise<void> {
  const server = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
  const url = `${server}/traguardo_bench`;
  const ticks = Number(options.ticks);
  const inbox = mkdtempSync(join(tmpdir(), "traguardo-replicas-"));
  await writeCsv(
    join(inbox, "GENERATED-pagamenti-2019.csv"),
    Object.keys(PAYMENT_LINES.columns),
    generatePaymentLines(2019, 300_000) as Iterable<Record<string, unknown>>,
  );
  const db = await createConnection(url);
  const [[{ lastRun }]] = (await db.query("SELECT COALESCE(MAX(id), 0) AS lastRun FROM job_run")) as unknown as [
    [{ lastRun: number }],
  ];

  const start = (port: number): ChildProcess =>
    spawn(process.execPath, [join(projectRoot(), "dist", "src", "main.js")], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        LOG_LEVEL: "warn",
        JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${inbox}`,
        JOB_PAYMENT_TIMELINESS_SCHEDULE: `*/${TICK_SECONDS} * * * * *`,
        JOB_OVERDUE_DEBT_SCHEDULE: "0 0 1 1 *",
        JOB_CRM_RESPONSE_SCHEDULE: "0 0 1 1 *",
        JOB_PIANO_QUARTIERI_SCHEDULE: "0 0 1 1 *",
      },
      stdio: "ignore",
    });
  const replicas = [start(4601), start(4602)];
  try {
    await Promise.all([waitForHealth(4601), waitForHealth(4602)]);
    const latencies: number[] = [];
    const seconds = ticks * TICK_SECONDS;
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      const response = await fetch(`http://127.0.0.1:${4601 + (latencies.length % 2)}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: DASHBOARD }),
      });
      await response.json();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    // Let the last tick's run finish.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const [perTick] = (await db.query(
      "SELECT scheduledAt, COUNT(*) AS runs FROM job_run WHERE jobKey = 'payment-timeliness' AND scheduledAt IS NOT NULL AND id > ? GROUP BY scheduledAt",
      [lastRun],
    )) as unknown as [Array<{ runs: number }>];
    const [[{ duplicates }]] = (await db.query(`
      SELECT COUNT(*) AS duplicates FROM (
        SELECT m.kpiId, m.year, m.periodKind, m.periodIndex, COUNT(*) AS n FROM measurement m
        LEFT JOIN measurement later ON later.supersedesId = m.id
        WHERE later.id IS NULL GROUP BY m.kpiId, m.year, m.periodKind, m.periodIndex, m.orgUnitId, m.breakdown HAVING n > 1) d`)) as unknown as [
      [{ duplicates: number }],
    ];
    const report = {
      replicas: 2,
      tickSeconds: TICK_SECONDS,
      ticks: perTick.length,
      runsExecuted: perTick.reduce((sum, t) => sum + Number(t.runs), 0),
      runsPerTick: [...new Set(perTick.map((t) => Number(t.runs)))],
      duplicatedValues: Number(duplicates),
      dashboardWhileJobsRun: percentiles(latencies, seconds),
    };
    console.log(JSON.stringify(report, null, 2));
    if (report.ticks === 0 || report.runsExecuted !== report.ticks || report.duplicatedValues !== 0)
      process.exitCode = 1;
  } finally {
    replicas.forEach((child) => child.kill("SIGTERM"));
    await db.end();
  }
}

new Command("bench:replicas")
  .option("--ticks <n>", "scheduler ticks to watch", "6")
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
