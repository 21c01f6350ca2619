import { hostname } from "node:os";
import cron, { ScheduledTask } from "node-cron";
import { DataSource } from "typeorm";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { ConfiguredJob, configuredJobs, createInboxes } from "../registry";
import { remindersTick } from "../reminders.job";
import { Config } from "../../src/config";
import { todayInRome } from "../../src/dates";
import { Logger } from "../../src/logger";
import { Period, periodLabel } from "../../src/periods";
import { closeDeadRuns } from "./interrupted-runs";
import { runJob, RunnerOptions } from "./run-job";

/** This process, as leases and runs name it. */
export const PROCESS_NAME = `${hostname()}:${process.pid}`;

export function runnerOptions(config: Config, holder = PROCESS_NAME): RunnerOptions {
  return {
    holder,
    leaseMs: config.JOB_LEASE_SECONDS * 1000,
    retries: config.JOB_RETRIES,
    backoffMs: config.JOB_BACKOFF_MS,
    rerunMinShare: config.JOB_RERUN_MIN_SHARE,
    alertRejectedShare: config.ALERT_REJECTED_SHARE,
    alertTrajectoryTolerance: config.ALERT_TRAJECTORY_TOLERANCE,
  };
}

/**
 * The period a tick measures: the quarter that ended before the tick's day in Milan; a tick in the
 * first quarter measures the whole previous year (its quarters and the annual figure).
 */
export function periodForTick(tick: Date): Period {
  const today = todayInRome(tick);
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1
    ? { year: year - 1, kind: PeriodKind.YEAR, index: 0 }
    : { year, kind: PeriodKind.QUARTER, index: quarter - 1 };
}

/**
 * Schedules every configured job (timezone Europe/Rome). Every server may run a scheduler: a tick
 * is claimed in the database, so it runs once.
 */
export function startScheduler(dataSource: DataSource, config: Config, logger: Logger): { stop(): Promise<void> } {
  createInboxes(config);
  const underWay = new Set<Promise<void>>();
  const tasks: ScheduledTask[] = configuredJobs(config).map((job) =>
    cron.schedule(
      job.schedule,
      (context) => {
        const tick = runTick(dataSource, config, logger, job, context.date).finally(() => underWay.delete(tick));
        underWay.add(tick);
        return tick;
      },
      { timezone: "Europe/Rome", name: job.definition.key, noOverlap: true },
    ),
  );
  tasks.push(
    cron.schedule(
      config.REMINDER_SCHEDULE,
      (context) => {
        const tick = remindersTick(dataSource, config, logger, PROCESS_NAME, context.date).finally(() =>
          underWay.delete(tick),
        );
        underWay.add(tick);
        return tick;
      },
      { timezone: "Europe/Rome", name: "reminders", noOverlap: true },
    ),
  );
  logger.info(
    {
      jobs: configuredJobs(config).map((j) => `${j.definition.key} (${j.schedule})`),
      reminders: config.REMINDER_SCHEDULE,
    },
    "job scheduler started",
  );
  // Runs whose process died are closed within a lease or two, not at their job's next tick.
  const sweep = () => {
    const swept: Promise<void> = closeDeadRuns(dataSource.manager, new Date(), config.JOB_LEASE_SECONDS * 1000)
      .then(
        (closed) => void (closed && logger.warn({ runs: closed }, "runs whose process stopped marked INTERRUPTED")),
        (error: unknown) => logger.error({ err: error }, "could not look for interrupted runs"),
      )
      .finally(() => underWay.delete(swept));
    underWay.add(swept);
  };
  sweep();
  const sweeper = setInterval(sweep, config.JOB_LEASE_SECONDS * 1000);
  sweeper.unref();
  return {
    // No tick starts once stopped, and runs under way finish first: the caller may then close the database.
    stop: async () => {
      clearInterval(sweeper);
      await Promise.all(tasks.map((task) => Promise.resolve(task.stop())));
      await Promise.all(underWay);
    },
  };
}

export async function runTick(
  dataSource: DataSource,
  config: Config,
  logger: Logger,
  job: ConfiguredJob,
  tick: Date,
): Promise<void> {
  // The tick to the second: schedules may have a seconds field, and every server names a tick alike.
  const scheduledAt = new Date(Math.floor(tick.getTime() / 1000) * 1000);
  const tickPeriod = periodForTick(tick);
  // A job that measures whole years (Piano Quartieri) measures the year to date.
  const period = job.definition.periodKinds.includes(tickPeriod.kind)
    ? tickPeriod
    : { year: tickPeriod.year, kind: PeriodKind.YEAR, index: 0 };
  try {
    const run = await runJob(
      dataSource,
      { job: job.definition, source: job.source(), period, triggeredBy: "scheduler", scheduledAt },
      runnerOptions(config),
    );
    if (run === null)
      logger.info({ job: job.definition.key, tick: scheduledAt }, "tick already taken by another server");
    else {
      // A failed scheduled run has nobody watching it: error level, where alerting looks.
      const level = run.status === JobRunStatus.FAILED ? "error" : "info";
      logger[level](
        { job: job.definition.key, period: periodLabel(period), run: run.id, status: run.status, error: run.error },
        "scheduled run finished",
      );
    }
  } catch (error) {
    logger.error({ err: error, job: job.definition.key }, "scheduled run could not start");
  }
}
