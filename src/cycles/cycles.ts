import { EntityManager, In } from "typeorm";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { Plan } from "../../entities/plan.entity";
import { DomainError, ErrorCode, notFound } from "../errors";

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

/**
 * Refuses a write that would change a year the Nucleo validated or that is closed: the figures
 * payroll is paid on stay as they were frozen, until the Nucleo sends the year back to review or
 * an act reopens it. Every writer of a figure calls this in its transaction.
 */
export async function assertYearsOpen(manager: EntityManager, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  const frozen = await manager.find(EvaluationCycle, {
    where: { year: In([...new Set(years)]), status: In([CycleStatus.VALIDATED, CycleStatus.CLOSED]) },
  });
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
