import { DataSource, EntityManager } from "typeorm";
import { judgeSource } from "../../src/alerts/source-alerts";
import { RowProblem } from "../../src/csv/fields";
import { Accumulator, JobDefinition, SourceRecord } from "../job";
import { sourceVariable } from "../source-variable";
import { SourceAdapter, SourceUnavailable } from "../adapters/source";
import { JobRunStatus } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { SlotTaken } from "../../src/measurement/write-measurements";
import { Period, periodBounds, periodLabel, periodsOf } from "../../src/periods";
import { dayNumber } from "../../src/dates";
import { onceMoreAfterRace } from "../../src/storage/after-race";
import { isUniqueViolation } from "../../src/storage/unique-violation";
import { Collected, writeOutcome } from "./write-outcome";
import { markInterrupted } from "./interrupted-runs";
import { acquireLease, leaseHolder, releaseLease, renewLease, startHeartbeat } from "./lease";
import { withYearFromQuarters } from "./year-from-quarters";
import { observeJobRun } from "../../src/metrics";
import { RowJournal } from "./row-journal";

export interface RunRequest {
  job: JobDefinition<unknown>;
  source: SourceAdapter;
  period: Period;
  /** "scheduler" or the person who asked. */
  triggeredBy: string;
  /** The cron tick this run answers; a tick is run once across every server. */
  scheduledAt?: Date | null;
  /** Supersede the earlier run's values even if this run read far fewer rows. */
  force?: boolean;
}

export interface RunnerOptions {
  /** This process, as named in leases and runs. */
  holder: string;
  leaseMs: number;
  /** Further attempts when the source is unavailable, waiting backoffMs, then twice that, … */
  retries: number;
  backoffMs: number;
  /** A rerun that reads fewer rows than this share of the run it supersedes needs `force` (0: never). */
  rerunMinShare?: number;
  now?: () => Date;
  onProgress?: (rowsRead: number) => void;
  /** Judge the source after each run (alerts), with this share of rejected rows as too many. */
  alertRejectedShare?: number;
  /** …and a quarterly value this far (in points of score, 0-1) from its KPI's trajectory as an alert. */
  alertTrajectoryTolerance?: number;
}

/**
 * One run of a job over a period: claims the tick, takes the lease (or is SKIPPED while the job runs
 * elsewhere) and renews it while it runs, reads the source (retrying a source that is down), and
 * writes every value, the rejected rows and the run's outcome in one transaction, if it still holds
 * the lease. A run that fails or is killed leaves no value behind. Returns null when another server
 * already took this tick.
 */
export async function runJob(
  dataSource: DataSource,
  request: RunRequest,
  options: RunnerOptions,
): Promise<JobRun | null> {
  const run = await runOnce(dataSource, request, options);
  if (run) observeJobRun(run);
  // A SKIPPED run read nothing: it says nothing about the source.
  if (run && run.status !== JobRunStatus.SKIPPED && options.alertRejectedShare !== undefined)
    await judgeSource(
      dataSource,
      run.jobKey,
      { rejectedShare: options.alertRejectedShare, trajectoryTolerance: options.alertTrajectoryTolerance ?? null },
      (options.now ?? (() => new Date()))(),
    );
  return run;
}

async function runOnce(dataSource: DataSource, request: RunRequest, options: RunnerOptions): Promise<JobRun | null> {
  const now = options.now ?? (() => new Date());
  const run = await claimRun(dataSource, request, options.holder, now());
  if (!run) return null;

  const manager = dataSource.manager;
  const { job } = request;
  if (!(await acquireLease(manager, job.key, options.holder, now(), options.leaseMs))) {
    const lease = await leaseHolder(manager, job.key);
    return finish(dataSource, run, now(), {
      status: JobRunStatus.SKIPPED,
      notes: `skipped: ${job.key} is still running on ${lease?.holder} (its lease renewed until ${lease?.expiresAt?.toISOString()})`,
    });
  }
  const heartbeat = startHeartbeat(manager, job.key, options.holder, options.leaseMs, now);
  // The run's warnings file, removed however the run ends.
  let warnings: RowJournal | undefined;
  try {
    await markInterrupted(manager, job.key, run.id, now());
    const collected = await withRetries(() => collect(request, options), options, run);
    warnings = collected.warnings;
    if (!request.force) await refuseShrunkenRerun(manager, run, collected.rowsRead, options.rerunMinShare ?? 0);
    // A value written meanwhile in a slot this run measures is superseded like the others, on a second try.
    return await onceMoreAfterRace(
      () =>
        dataSource.transaction(async (tx) => {
          if (!(await renewLease(tx, job.key, options.holder, now(), options.leaseMs)))
            throw new Error(
              `lost its lease: the process stalled for longer than JOB_LEASE_SECONDS (${options.leaseMs / 1000} s) and another run took ${job.key} over`,
            );
          const values = await withYearFromQuarters(tx, job, request.period, collected.values);
          return writeOutcome(tx, run, { ...collected, values }, request.source.description, now());
        }),
      (error) => error instanceof SlotTaken,
    );
  } catch (error) {
    return finish(dataSource, run, now(), {
      status: JobRunStatus.FAILED,
      error: (error as Error).message.slice(0, 4000),
    });
  } finally {
    warnings?.discard();
    heartbeat.stop();
    await releaseLease(manager, job.key, options.holder);
  }
}

async function claimRun(
  dataSource: DataSource,
  request: RunRequest,
  holder: string,
  now: Date,
): Promise<JobRun | null> {
  try {
    const result = await dataSource.manager.insert(JobRun, {
      jobKey: request.job.key,
      period: periodLabel(request.period),
      status: JobRunStatus.RUNNING,
      scheduledAt: request.scheduledAt ?? null,
      startedAt: now,
      finishedAt: null,
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      leaseHolder: holder,
      error: null,
      notes: null,
      triggeredBy: request.triggeredBy,
    });
    return dataSource.manager.findOneByOrFail(JobRun, { id: result.identifiers[0].id as number });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

async function withRetries<T>(work: () => Promise<T>, options: RunnerOptions, run: JobRun): Promise<T> {
  const failures: string[] = [];
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SourceUnavailable)) throw error;
      // A folder or file that does not exist will not appear by waiting (the adapter keeps only the message).
      if (/\bENOENT\b/.test(error.message))
        throw new Error(
          `${error.message}: create it, or set ${sourceVariable(run.jobKey)} to the job's source (csv:<folder>, sql:<url>#<table> or http:<url>)`,
          { cause: error },
        );
      failures.push(error.message);
      if (attempt >= options.retries) {
        throw new Error(`the source failed ${failures.length} times (run ${run.id}): ${failures.join(" | ")}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** attempt));
    }
  }
}

/**
 * A rerun that read far fewer rows than the run whose values it would supersede (a two-row file
 * after a 300,000-row one) is more likely a partial export than a correction: it waits for `force`.
 */
async function refuseShrunkenRerun(manager: EntityManager, run: JobRun, rowsRead: number, minShare: number) {
  const previous = await manager.findOne(JobRun, {
    where: { jobKey: run.jobKey, period: run.period, status: JobRunStatus.SUCCEEDED },
    order: { id: "DESC" },
  });
  if (previous && rowsRead < previous.rowsRead * minShare)
    throw new Error(
      `read ${rowsRead} rows, fewer than ${Math.round(minShare * 100)}% of the ${previous.rowsRead} that run ${previous.id} read for ${run.period}, whose values it would supersede: if the source really is this small, run again with --force (runJob force: true)`,
    );
}

/** Reads the source and folds its rows; the warnings it wrote to disk go if it fails. */
async function collect(request: RunRequest, options: RunnerOptions): Promise<Collected> {
  const warnings = new RowJournal();
  try {
    return await readAndFold(request, options, warnings);
  } catch (error) {
    warnings.discard();
    throw error;
  }
}

async function readAndFold(request: RunRequest, options: RunnerOptions, warnings: RowJournal): Promise<Collected> {
  const { job, source, period } = request;
  // A year run measures the year's quarters too, for jobs that measure by quarter.
  const periods = periodsOf(period).filter((p) => p === period || job.periodKinds.includes(p.kind));
  const grouped = job.groupField !== undefined && source.groups;
  const all = periods.map((p) => ({ ...periodBounds(p), accumulator: job.accumulator(p, grouped) }));
  const whole = all[all.length - 1].accumulator;
  // A year whose accumulator adds up its quarters' is not folded row by row: each row is folded once.
  const fromParts = all.length > 1 && whole.absorb !== undefined;
  const accumulators = fromParts ? all.slice(0, -1) : all;
  const { start, end } = periodBounds(period);
  const settlement = job.settlement?.(`between ${start} and ${end}`, grouped);
  // The periods a day falls in (null: outside the run's period), worked out once per day and kept in
  // a slot by the day's number: a run places millions of rows in a few hundred days, and looking a
  // day up by its text would hash a new string for every row. The slot keeps the day's text too: a
  // text that is not a day lands anywhere, and is placed by comparing texts.
  type Targets = Array<Accumulator<unknown>> | null;
  const firstDay = dayNumber(start);
  const days = dayNumber(end) - firstDay + 1;
  const slots: Array<{ day: string; targets: Targets }> = [];
  const targetsOf = (day: string): Targets => {
    const index = dayNumber(day) - firstDay;
    const slot = index >= 0 && index < days ? slots[index] : undefined;
    if (slot !== undefined && slot.day === day) return slot.targets;
    const targets =
      start <= day && day <= end
        ? accumulators.filter((a) => a.start <= day && day <= a.end).map((a) => a.accumulator)
        : null;
    if (targets !== null && index >= 0 && index < days) slots[index] = { day, targets };
    return targets;
  };
  const place = (row: unknown) => {
    for (const accumulator of targetsOf(job.dateOf(row))!) accumulator.add(row);
  };
  const collected: Collected = { rowsRead: 0, rowsAccepted: 0, rejected: [], warnings, values: [] };
  // One warn for the run, about the record being parsed: not a closure made for each of millions of rows.
  let record: SourceRecord = { line: 0, fields: {} };
  const warn = (problem: RowProblem) =>
    collected.warnings.push({ line: record.line, reason: problem.message, raw: JSON.stringify(record.fields) });
  for await (const batch of source.read(start, end, job.dateField, job.groupField))
    for (let i = 0; i < batch.length; i += 1) {
      record = batch[i];
      collected.rowsRead += 1;
      if (collected.rowsRead % 10_000 === 0) options.onProgress?.(collected.rowsRead);
      let row: unknown;
      try {
        row = job.parse(record.fields, warn);
      } catch (error) {
        if (!(error instanceof RowProblem)) throw error;
        collected.rejected.push({ line: record.line, reason: error.message, raw: JSON.stringify(record.fields) });
        continue;
      }
      const targets = targetsOf(job.dateOf(row));
      // Rows of other periods (a file or endpoint that does not filter) are read but not used.
      if (targets === null) continue;
      collected.rowsAccepted += 1;
      if (settlement) settlement.add(row, record).forEach(place);
      else for (const accumulator of targets) accumulator.add(row);
    }
  if (settlement) {
    const { settled, refused } = settlement.finish();
    settled.forEach(place);
    collected.rowsAccepted -= refused.length;
    collected.rejected = [...collected.rejected, ...refused].sort((a, b) => a.line - b.line);
  }
  options.onProgress?.(collected.rowsRead);
  if (fromParts) accumulators.forEach(({ accumulator }) => whole.absorb!(accumulator));
  collected.values = all.flatMap(({ accumulator }) => accumulator.values());
  return collected;
}

async function finish(
  dataSource: DataSource,
  run: JobRun,
  now: Date,
  outcome: Pick<JobRun, "status"> & Partial<Pick<JobRun, "error" | "notes">>,
): Promise<JobRun> {
  await dataSource.manager.update(JobRun, { id: run.id }, { ...outcome, finishedAt: now });
  return dataSource.manager.findOneByOrFail(JobRun, { id: run.id });
}
