import { EntityManager, In, LessThan } from "typeorm";
import { JobRunStatus } from "../../entities/enums";
import { JobLease } from "../../entities/job-lease.entity";
import { JobRun } from "../../entities/job-run.entity";

const INTERRUPTED = "interrupted: its process stopped before finishing; it wrote nothing";

/** Runs of a job left RUNNING by a process that died, once this run holds the job's lease: only one run holds it. */
export async function markInterrupted(
  manager: EntityManager,
  jobKey: string,
  currentRunId: number,
  now: Date,
): Promise<void> {
  const stale = await manager.find(JobRun, { where: { jobKey, status: JobRunStatus.RUNNING } });
  await interrupt(
    manager,
    stale.filter((r) => r.id !== currentRunId).map((r) => r.id),
    now,
  );
}

/**
 * Every run still RUNNING whose holder no longer holds its job's lease (it stopped renewing it), so
 * that none stays RUNNING after its process is gone, even if its job does not run again for months.
 * Runs younger than a lease are left alone: they may be about to take theirs.
 */
export async function closeDeadRuns(manager: EntityManager, now: Date, leaseMs: number): Promise<number> {
  const running = await manager.find(JobRun, {
    where: { status: JobRunStatus.RUNNING, startedAt: LessThan(new Date(now.getTime() - leaseMs)) },
  });
  const leases = new Map((await manager.find(JobLease)).map((lease) => [lease.jobKey, lease]));
  const dead = running.filter((run) => {
    const lease = leases.get(run.jobKey);
    return !lease || lease.holder !== run.leaseHolder || lease.expiresAt === null || lease.expiresAt < now;
  });
  await interrupt(
    manager,
    dead.map((r) => r.id),
    now,
  );
  return dead.length;
}

async function interrupt(manager: EntityManager, ids: number[], now: Date): Promise<void> {
  if (ids.length)
    await manager.update(
      JobRun,
      { id: In(ids), status: JobRunStatus.RUNNING },
      { status: JobRunStatus.INTERRUPTED, finishedAt: now, error: INTERRUPTED },
    );
}
