import { DataSource, EntityManager, In } from "typeorm";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { Plan } from "../../entities/plan.entity";
import { DomainError, ErrorCode, notFound } from "../errors";

/** One OPEN cycle per year of every plan, for the years that have none yet. */
export async function ensureCycles(dataSource: DataSource): Promise<number> {
  const plans = await dataSource.manager.find(Plan);
  const existing = new Set((await dataSource.manager.find(EvaluationCycle)).map((c) => c.year));
  const missing = plans.flatMap((plan) => {
    const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);
    return years
      .filter((year) => !existing.has(year))
      .map((year) => ({ planId: plan.id, year, status: CycleStatus.OPEN }));
  });
  if (missing.length) await dataSource.manager.insert(EvaluationCycle, missing);
  return missing.length;
}

/** A year's evaluation cycle, or NOT_FOUND. */
export async function requireCycle(manager: EntityManager, year: number): Promise<EvaluationCycle> {
  const cycle = await manager.findOneBy(EvaluationCycle, { year });
  if (!cycle) throw notFound(`The evaluation cycle of ${year}`);
  return cycle;
}

/**
 * Refuses a write that would change a closed year: the figures payroll was paid on stay as they
 * were, until an act reopens the year.
 */
export async function assertYearsOpen(manager: EntityManager, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  const closed = await manager.find(EvaluationCycle, {
    where: { year: In([...new Set(years)]), status: CycleStatus.CLOSED },
  });
  if (closed.length) {
    const list = closed
      .map((c) => c.year)
      .sort()
      .join(", ");
    throw new DomainError(
      ErrorCode.CYCLE_CLOSED,
      `The evaluation of ${list} is closed: reopen it by act to change its figures`,
      { years: closed.map((c) => c.year) },
    );
  }
}
