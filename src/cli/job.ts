/**
 * Runs jobs by hand, for one period or a range (backfill):
 *   npm run job -- payment-timeliness --period 2019-Q4
 *   npm run job -- payment-timeliness crm-response --from 2019 --to 2020
 *   npm run job -- payment-timeliness --from 2019-Q1 --to 2020-Q4
 *   npm run job -- payment-timeliness --period 2019 --source csv:./exports
 * Reads var/sources/generated.env, which `npm run simulate` writes, when it is there.
 */
import "reflect-metadata";
import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { JobRunStatus } from "../../entities/enums";
import { adapterFor } from "../../jobs/adapters";
import { configuredJobs, createInboxes, findJob } from "../../jobs/registry";
import { loadConfig } from "../config";
import { prepareDatabase } from "../prepare-database";
import { projectRoot } from "../project-root";
import { runnerOptions } from "../../jobs/engine/scheduler";
import { runJob } from "../../jobs/engine/run-job";
import { Period, parsePeriod, periodLabel, periodsBetween } from "../periods";

// After `npm run simulate`, its sources: the variables set in the environment still win.
const GENERATED_SOURCES = join(projectRoot(), "var", "sources", "generated.env");
if (existsSync(GENERATED_SOURCES)) {
  process.loadEnvFile(GENERATED_SOURCES);
  console.error(`job sources from ${GENERATED_SOURCES} (written by npm run simulate; the environment wins)`);
}

function period(value: string): Period {
  const parsed = parsePeriod(value);
  if (!parsed) throw new InvalidArgumentError(`"${value}" is not a period: 2019, 2019-Q4 or 2019-03`);
  return parsed;
}

const program = new Command("job")
  .description("Run jobs by hand, one after the other, for a period or a range of periods")
  .argument(
    "<keys...>",
    `the jobs: ${configuredJobs(loadConfig())
      .map((j) => j.definition.key)
      .join(", ")}`,
  )
  .option("--period <period>", "2019, 2019-Q4 or 2019-03", period)
  .option("--from <period>", "first period of a backfill", period)
  .option("--to <period>", "last period of a backfill", period)
  .option("--source <spec>", "read this source instead of the configured one (csv:…, sql:…#table, http:…)")
  .option("--force", "supersede the earlier run's values even if this run reads far fewer rows")
  .action(
    async (
      keys: string[],
      options: { period?: Period; from?: Period; to?: Period; source?: string; force?: boolean },
    ) => {
      const config = loadConfig();
      createInboxes(config);
      const jobs = keys.map((key) => {
        const job = findJob(config, key);
        if (!job) throw new Error(`There is no job "${key}"`);
        return job;
      });
      if (options.source && jobs.length > 1) throw new Error("--source names one job's source: give one job with it");
      const periods = options.period
        ? [options.period]
        : options.from && options.to
          ? periodsBetween(options.from, options.to)
          : null;
      if (!periods) throw new Error("Give --period, or --from and --to");
      const { dataSource } = await prepareDatabase(config);
      let failed = 0;
      try {
        for (const job of jobs) {
          for (const p of periods) {
            const key = job.definition.key;
            const bar = new SingleBar({ format: `${key} ${periodLabel(p)} | {value} rows read`, hideCursor: true });
            bar.start(0, 0);
            const run = await runJob(
              dataSource,
              {
                job: job.definition,
                source: options.source
                  ? adapterFor(options.source, config.JOB_SOURCE_TIMEOUT_SECONDS * 1000)
                  : job.source(),
                period: p,
                triggeredBy: `cli:${userInfo().username}`,
                force: options.force === true,
              },
              { ...runnerOptions(config), onProgress: (rows) => bar.update(rows) },
            );
            bar.stop();
            console.log(
              `run ${run!.id} ${run!.status}: ${run!.rowsRead} read, ${run!.rowsAccepted} accepted, ${run!.rowsRejected} rejected${run!.notes ? `; ${run!.notes}` : ""}${run!.error ? `; ${run!.error}` : ""}`,
            );
            if (run!.status !== JobRunStatus.SUCCEEDED) failed += 1;
          }
        }
      } finally {
        await dataSource.destroy();
      }
      if (failed) process.exitCode = 1;
    },
  );

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
