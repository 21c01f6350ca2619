import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { DataSource, Not, IsNull } from "typeorm";
import { JobRunStatus } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { configuredJobs } from "../../jobs/registry";
import { loadConfig } from "../../src/config";
import { periodForTick, runTick, startScheduler } from "../../jobs/engine/scheduler";
import { periodLabel } from "../../src/periods";
import { openWithPlan, testDatabases } from "../support/databases";

describe.each(testDatabases)("scheduler ticks on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await openWithPlan(db)));
  afterAll(() => db.close(dataSource));

  it("runs each tick once, ticks seconds apart included, however many servers fire it", async () => {
    const config = loadConfig({
      JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${mkdtempSync(join(tmpdir(), "traguardo-ticks-"))}`,
      JOB_RETRIES: "0",
    });
    const job = configuredJobs(config).find((j) => j.definition.key === "payment-timeliness")!;
    const logger = pino({ level: "silent" });
    const ticks = [
      new Date("2020-01-01T02:00:00.000Z"),
      new Date("2020-01-01T02:00:10.000Z"),
      new Date("2020-01-01T02:00:20.004Z"),
    ];
    // Two servers fire every tick (the third with a few milliseconds of jitter).
    for (const tick of ticks) {
      await Promise.all([
        runTick(dataSource, config, logger, job, tick),
        runTick(dataSource, config, logger, job, new Date(tick.getTime() + 3)),
      ]);
    }
    const runs = await dataSource.manager.find(JobRun, {
      where: { scheduledAt: Not(IsNull()) },
      order: { scheduledAt: "ASC" },
    });
    expect(runs.map((r) => r.scheduledAt!.toISOString())).toEqual([
      "2020-01-01T02:00:00.000Z",
      "2020-01-01T02:00:10.000Z",
      "2020-01-01T02:00:20.000Z",
    ]);
  });

  it("runs a job when node-cron ticks (every second here), and once stopped leaves no run under way", async () => {
    const config = loadConfig({
      JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${mkdtempSync(join(tmpdir(), "traguardo-cron-"))}`,
      JOB_PAYMENT_TIMELINESS_SCHEDULE: "* * * * * *",
      // The other jobs wait for New Year's midnight.
      JOB_OVERDUE_DEBT_SCHEDULE: "0 0 1 1 *",
      JOB_CRM_RESPONSE_SCHEDULE: "0 0 1 1 *",
      JOB_PIANO_QUARTIERI_SCHEDULE: "0 0 1 1 *",
      JOB_RETRIES: "0",
    });
    // The scheduler says when a run finished in its log: the test waits for that line.
    let finished!: (entry: { job: string; run: number; status: string }) => void;
    const firstRun = new Promise<{ job: string; run: number; status: string }>((resolve) => (finished = resolve));
    const logger = pino(
      { level: "info" },
      {
        write: (line: string) => {
          const entry = JSON.parse(line) as { msg: string; job: string; run: number; status: string };
          if (entry.msg === "scheduled run finished") finished(entry);
        },
      },
    );
    const scheduler = startScheduler(dataSource, config, logger);
    let entry: Awaited<typeof firstRun>;
    try {
      entry = await firstRun;
    } finally {
      await scheduler.stop();
    }
    expect(entry).toMatchObject({ job: "payment-timeliness", status: JobRunStatus.SUCCEEDED });
    const run = await dataSource.manager.findOneByOrFail(JobRun, { id: entry.run });
    expect(run).toMatchObject({ triggeredBy: "scheduler", period: periodLabel(periodForTick(run.scheduledAt!)) });
    expect(run.scheduledAt!.getMilliseconds()).toBe(0);
    expect(await dataSource.manager.countBy(JobRun, { status: JobRunStatus.RUNNING })).toBe(0);
  });
});
