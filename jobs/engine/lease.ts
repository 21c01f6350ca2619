import { EntityManager, IsNull, LessThan } from "typeorm";
import { JobLease } from "../../entities/job-lease.entity";

/**
 * Takes the job's lease if it is free or its holder's time ran out: one conditional UPDATE, so of
 * two servers asking at once exactly one gets it. True when this holder has it.
 */
export async function acquireLease(
  manager: EntityManager,
  jobKey: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(JobLease)
    .values({ jobKey, holder: null, expiresAt: null })
    .orIgnore()
    .execute();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const free = await manager.update(JobLease, { jobKey, holder: IsNull() }, { holder, expiresAt });
  if (free.affected === 1) return true;
  const expired = await manager.update(JobLease, { jobKey, expiresAt: LessThan(now) }, { holder, expiresAt });
  return expired.affected === 1;
}

/**
 * Moves the end of the lease on, if this holder still has it. False when it lost it: it stopped
 * renewing for longer than the lease (a stalled process) and another run took it.
 */
export async function renewLease(
  manager: EntityManager,
  jobKey: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  const renewed = await manager.update(JobLease, { jobKey, holder }, { expiresAt: new Date(now.getTime() + ttlMs) });
  return renewed.affected === 1;
}

/**
 * Renews the lease every third of its length while a run lasts, so that the lease stays short and
 * only a holder that stopped loses it. A beat that fails is left to the next one: the run checks
 * that it still holds the lease when it writes.
 */
export function startHeartbeat(
  manager: EntityManager,
  jobKey: string,
  holder: string,
  ttlMs: number,
  now: () => Date,
): { stop(): void } {
  const timer = setInterval(() => {
    renewLease(manager, jobKey, holder, now(), ttlMs).catch(() => undefined);
  }, ttlMs / 3);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Gives the lease back, if this holder still has it. */
export async function releaseLease(manager: EntityManager, jobKey: string, holder: string): Promise<void> {
  await manager.update(JobLease, { jobKey, holder }, { holder: null, expiresAt: null });
}

export async function leaseHolder(manager: EntityManager, jobKey: string): Promise<JobLease | null> {
  return manager.findOneBy(JobLease, { jobKey });
}
