import { EntityManager, In } from "typeorm";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { Plan } from "../../entities/plan.entity";
import { DomainError, ErrorCode, notFound } from "../errors";
import { isLockRefused, shareNowait, takesRowLocks } from "../storage/row-locks";

/** One OPEN cycle per year of every plan, for the years that have none yet (in the caller's transaction, if any). */
export async function ensureCycles(manager: EntityManager): Promise<number> {
  const plans = await manager.find(Plan);
  const existing = new Set((await manager.find(EvaluationCycle)).map((c) => c.year));
  const missing = plans.flatMap((plan) => {
    const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);
    return years
      .filter((year) => !existing.has(year))
      .map((year) => ({ planId: plan.id, year, status: CycleStatus.OPEN }));
  });
  if (missing.length) await manager.insert(EvaluationCycle, missing);
  return missing.length;
}

/** A year's evaluation cycle, or NOT_FOUND. */
export async function requireCycle(manager: EntityManager, year: number): Promise<EvaluationCycle> {
  const cycle = await manager.findOneBy(EvaluationCycle, { year });
  if (!cycle) throw notFound(`The evaluation cycle of ${year}`);
  return cycle;
}

/** Whether a year's figures are frozen: from the Nucleo's validation on. */
export const isFrozen = (status: CycleStatus) => status === CycleStatus.VALIDATED || status === CycleStatus.CLOSED;

const REFUSAL: Partial<Record<CycleStatus, (years: string) => string>> = {
  [CycleStatus.VALIDATED]: (years) =>
    `The evaluation of ${years} is validated: its figures are frozen until the Nucleo di Valutazione sends it back to review by act`,
  [CycleStatus.CLOSED]: (years) => `The evaluation of ${years} is closed: reopen it by act to change its figures`,
};

const BEING_FROZEN = (years: string) =>
  `La valutazione del ${years} è in corso di validazione o di chiusura: se il passaggio va a buon fine ` +
  `i suoi dati restano quelli congelati e questa modifica è respinta; altrimenti inviarla di nuovo tra un minuto`;

/**
 * Refuses a write that would change a year the Nucleo validated or that is closed: the figures
 * payroll is paid on stay as they were frozen, until the Nucleo sends the year back to review or
 * an act reopens it. Every writer of a figure calls this in its transaction.
 *
 * On MySQL and MariaDB it reads the years' cycles under a shared lock kept until the writer's
 * transaction ends, so a validation or close (moveCycle, which locks the cycle exclusively) waits
 * for the writes already let through and freezes them, and a write that comes while the year is
 * being moved is refused at once: each write is either in the frozen figures or refused. Refused
 * rather than kept waiting, so that writers queued on the lock do not hold the pool's connections
 * while the validation needs them to compute the figures it freezes.
 */
export async function assertYearsOpen(manager: EntityManager, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  const distinct = [...new Set(years)];
  const cycles = takesRowLocks(manager)
    ? await lockedForWriting(manager, distinct)
    : await manager.find(EvaluationCycle, { where: { year: In(distinct) } });
  const frozen = cycles.filter((c) => isFrozen(c.status));
  if (frozen.length) {
    const message = [CycleStatus.VALIDATED, CycleStatus.CLOSED].flatMap((status) => {
      const list = frozen
        .filter((c) => c.status === status)
        .map((c) => c.year)
        .sort()
        .join(", ");
      return list ? [REFUSAL[status]!(list)] : [];
    });
    throw new DomainError(ErrorCode.CYCLE_CLOSED, message.join("; "), {
      years: frozen.map((c) => c.year).sort(),
    });
  }
}

/** The years' cycles under a shared lock, or CYCLE_CLOSED if one is being moved (locked exclusively). */
async function lockedForWriting(
  manager: EntityManager,
  years: number[],
): Promise<Array<Pick<EvaluationCycle, "year" | "status">>> {
  try {
    const rows: Array<{ year: number | string; status: CycleStatus }> = await manager.query(
      `SELECT \`year\`, \`status\` FROM \`evaluation_cycle\` WHERE \`year\` IN (${years.map(() => "?").join(", ")}) ${shareNowait(manager)}`,
      years,
    );
    return rows.map((r) => ({ year: Number(r.year), status: r.status }));
  } catch (error) {
    if (!isLockRefused(error)) throw error;
    throw new DomainError(ErrorCode.CYCLE_CLOSED, BEING_FROZEN([...years].sort().join(", ")), {
      years: [...years].sort(),
    });
  }
}

/**
 * A year's cycle, locked exclusively until the caller's transaction ends (on MySQL and MariaDB):
 * the writes that hold the year's shared lock finish first, and later ones are refused until the
 * move is committed. Also keeps two moves of one year from both starting from the same status.
 */
export async function lockCycle(manager: EntityManager, year: number): Promise<EvaluationCycle> {
  const cycle = await manager.findOne(EvaluationCycle, {
    where: { year },
    ...(takesRowLocks(manager) ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!cycle) throw notFound(`The evaluation cycle of ${year}`);
  return cycle;
}
