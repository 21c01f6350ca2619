/**
 * Runs a job in a process of its own, for the test that kills it mid-run. Configured by the
 * environment like the server: DATABASE_URL or SQLITE_PATH, and JOB_PAYMENT_TIMELINESS_SOURCE.
 */
import "reflect-metadata";
import { findJob } from "../../jobs/registry";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/database";
import { runJob } from "../../jobs/engine/run-job";
import { runnerOptions } from "../../jobs/engine/scheduler";
import { parsePeriod } from "../../src/periods";

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await openDatabase(config);
  const job = findJob(config, "payment-timeliness")!;
  await runJob(
    dataSource,
    { job: job.definition, source: job.source(), period: parsePeriod("2019-Q4")!, triggeredBy: "child" },
    runnerOptions(config, "child-process"),
  );
  await dataSource.destroy();
}

void main();
