import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { DataSource, Not, IsNull } from "typeorm";
import { JobRunStatus } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { configuredJobs } from "../../jobs/registry";
import { loadConfig } from "../../src/config";
import { closeDeadRuns } from "../../jobs/engine/interrupted-runs";
import { acquireLease, releaseLease } from "../../jobs/engine/lease";
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

  it("logs a failed scheduled run at error level, where alerting looks", async () => {
    const config = loadConfig({
      JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${join(tmpdir(), "traguardo-no-such-inbox", "x")}`,
      JOB_RETRIES: "0",
    });
    const job = configuredJobs(config).find((j) => j.definition.key === "payment-timeliness")!;
    type Line = { level: number; msg: string; status?: string };
    const lines: Line[] = [];
    const logger = pino({ level: "info" }, { write: (text: string) => void lines.push(JSON.parse(text) as Line) });
    await runTick(dataSource, config, logger, job, new Date("2020-07-01T01:00:00.000Z"));
    expect(lines.find((l) => l.msg === "scheduled run finished")).toMatchObject({ level: 50, status: "FAILED" });
  });

  it("records a tick whose job still runs on another server as SKIPPED, with the reason", async () => {
    const config = loadConfig({
      JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${mkdtempSync(join(tmpdir(), "traguardo-busy-"))}`,
      JOB_RETRIES: "0",
    });
    const job = configuredJobs(config).find((j) => j.definition.key === "payment-timeliness")!;
    expect(await acquireLease(dataSource.manager, "payment-timeliness", "replica-b:42", new Date(), 60_000)).toBe(true);
    try {
      await runTick(dataSource, config, pino({ level: "silent" }), job, new Date("2020-04-01T01:00:00.000Z"));
    } finally {
      await releaseLease(dataSource.manager, "payment-timeliness", "replica-b:42");
    }
    const run = await dataSource.manager.findOneByOrFail(JobRun, {
      scheduledAt: new Date("2020-04-01T01:00:00.000Z"),
    });
    expect(run).toMatchObject({ status: JobRunStatus.SKIPPED, error: null });
    expect(run.notes).toMatch(
      /^skipped: payment-timeliness is still running on replica-b:42 \(its lease renewed until /,
    );
  });

  it("marks INTERRUPTED a run whose holder stopped renewing its lease, and leaves a live one alone", async () => {
    const run = (holder: string) =>
      dataSource.manager.save(JobRun, {
        jobKey: "crm-response",
        period: "2019-Q4",
        status: JobRunStatus.RUNNING,
        scheduledAt: null,
        startedAt: new Date("2020-01-02T03:00:00.000Z"),
        finishedAt: null,
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        leaseHolder: holder,
        error: null,
        notes: null,
        triggeredBy: "scheduler",
      });
    const dead = await run("gone:1");
    const now = new Date("2020-01-02T03:10:00.000Z");
    expect(await acquireLease(dataSource.manager, "crm-response", "alive:2", now, 30_000)).toBe(true);
    const alive = await run("alive:2");
    try {
      expect(await closeDeadRuns(dataSource.manager, now, 30_000)).toBe(1);
    } finally {
      await releaseLease(dataSource.manager, "crm-response", "alive:2");
    }
    expect(await dataSource.manager.findOneByOrFail(JobRun, { id: dead.id })).toMatchObject({
      status: JobRunStatus.INTERRUPTED,
    });
    expect(await dataSource.manager.findOneByOrFail(JobRun, { id: alive.id })).toMatchObject({
      status: JobRunStatus.RUNNING,
    });
    await dataSource.manager.update(JobRun, { id: alive.id }, { status: JobRunStatus.FAILED });
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
