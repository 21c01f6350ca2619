/**
 * Whether each job's run fits in a fixed JS heap, whatever the source's size: the proof that its
 * memory does not grow with the rows. A peak of heap in use counts garbage not yet collected, which
 * V8 lets grow with the allocation rate; a run in a child process whose old space is capped at
 * `--limit-mb` either finishes or dies out of memory.
 *   npm run bench:job-memory -- --sources traguardo_bench_sources_100 --jobs ITP --limit-mb 40
 * Reads the GENERATED sources `npm run bench` left in that database (`--sources`); writes into a
 * scratch Traguardo database, dropped after.
 */
import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { Command } from "commander";
import { createConnection } from "mysql2/promise";
import { SqlTable } from "../../jobs/adapters/sql-table";
import { runJob } from "../../jobs/engine/run-job";
import { PeriodKind } from "../../entities/enums";
import { JOB_BENCHES } from "../bench/jobs";
import { prepareDatabase } from "../prepare-database";

const SERVER = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
const TARGET = "traguardo_bench_memory";

/** In the child: one run of the job over 2019, its outcome as one line of JSON. */
async function runOnce(label: string, sources: string): Promise<void> {
  const bench = JOB_BENCHES.find((b) => b.label === label);
  if (!bench) throw new Error(`no job bench "${label}"`);
  const { dataSource } = await prepareDatabase({ DATABASE_URL: `${SERVER}/${TARGET}`, SQLITE_PATH: "" });
  const started = process.hrtime.bigint();
  const run = await runJob(
    dataSource,
    {
      job: bench.job,
      source: new SqlTable(`${SERVER}/${sources}`, bench.table),
      period: { year: 2019, kind: PeriodKind.YEAR, index: 0 },
      triggeredBy: "bench",
      force: true,
    },
    { holder: "bench", leaseMs: 3_600_000, retries: 0, backoffMs: 0 },
  );
  await dataSource.destroy();
  console.log(
    JSON.stringify({
      status: run!.status,
      rowsRead: run!.rowsRead,
      seconds: +(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

async function main(options: { sources: string; jobs: string; limitMb: string; child?: string }): Promise<void> {
  if (options.child) return runOnce(options.child, options.sources);
  const results = [];
  for (const label of options.jobs.split(",")) {
    const admin = await createConnection(SERVER);
    await admin.query(`DROP DATABASE IF EXISTS ${TARGET}`);
    await admin.query(`CREATE DATABASE ${TARGET} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const child = spawnSync(
      process.execPath,
      [`--max-old-space-size=${options.limitMb}`, __filename, "--child", label, "--sources", options.sources],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    );
    await admin.query(`DROP DATABASE IF EXISTS ${TARGET}`);
    await admin.end();
    const outcome = child.status === 0 ? (JSON.parse(child.stdout.trim().split("\n").pop()!) as object) : null;
    results.push({
      job: label,
      sources: options.sources,
      heapLimitMb: Number(options.limitMb),
      fits: outcome !== null && (outcome as { status: string }).status === "SUCCEEDED",
      ...(outcome ?? {
        failure: child.stderr.split("\n").find((l) => /heap|memory|Error/.test(l)) ?? child.stderr.slice(-300),
      }),
    });
  }
  console.log(JSON.stringify(results, null, 2));
  console.table(results);
  if (!results.every((r) => r.fits)) process.exitCode = 1;
}

new Command("bench:job-memory")
  .option("--sources <database>", "the database of the GENERATED sources", "traguardo_bench_sources")
  .option("--jobs <labels>", "job benches, comma-separated", "ITP,CRM")
  .option("--limit-mb <n>", "the JS heap's old space, in MB", "40")
  .option("--child <label>", "(internal) run this job once and print its outcome")
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
