import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { DataSource, Not, IsNull } from "typeorm";
import { JobRun } from "../../entities/job-run.entity";
import { configuredJobs } from "../../jobs/registry";
import { loadConfig } from "../../src/config";
import { runTick } from "../../jobs/engine/scheduler";
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
});
