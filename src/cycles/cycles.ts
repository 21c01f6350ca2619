import { DataSource, EntityManager, In } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { CycleTransition } from "../../entities/cycle-transition.entity";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { Plan } from "../../entities/plan.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { DomainError, ErrorCode, invalidInput, notFound } from "../errors";
import { computeCycleEligibility } from "../incentives/cycle-eligibility";
import { checkMove } from "./transitions";

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

export interface MoveCycleInput {
  year: number;
  to: CycleStatus;
  actKey: string | null;
  note: string | null;
}

/** Moves a cycle one step, recording who, when and the act; audited. */
export function moveCycle(
  dataSource: DataSource,
  caller: Caller,
  input: MoveCycleInput,
  now = new Date(),
): Promise<EvaluationCycle> {
  return dataSource.transaction(async (manager) => {
    const cycle = await manager.findOneBy(EvaluationCycle, { year: input.year });
    if (!cycle) throw notFound(`The evaluation cycle of ${input.year}`);
    const problem = checkMove(cycle.status, input.to, caller.roles, input.actKey !== null);
    if (problem?.kind === "FORBIDDEN") throw new DomainError(ErrorCode.FORBIDDEN, problem.message);
    if (problem) throw invalidInput(problem.kind === "NEEDS_ACT" ? "actKey" : "to", problem.message);
    if (input.to === CycleStatus.CLOSED)
      await freeze(manager, dataSource, input.year, auditedCaller(caller).actor, now);
    await manager.update(EvaluationCycle, { id: cycle.id }, { status: input.to });
    await manager.insert(CycleTransition, {
      cycleId: cycle.id,
      fromStatus: cycle.status,
      toStatus: input.to,
      at: now,
      actor: auditedCaller(caller).actor,
      actKey: input.actKey,
      note: input.note,
    });
    const after = await manager.findOneByOrFail(EvaluationCycle, { id: cycle.id });
    await recordAudit(
      manager,
      {
        ...auditedCaller(caller),
        action: `CYCLE_${input.to}`,
        entityType: "EvaluationCycle",
        entityId: String(cycle.id),
        before: cycle,
        after: { ...after, actKey: input.actKey },
      },
      now,
    );
    return after;
  });
}

const decimal = (value: number | null) => (value === null ? null : value.toFixed(6));

/** Freezes the year's gate, every objective's attainment and every employee's eligibility as they stand when the cycle closes. */
async function freeze(
  manager: EntityManager,
  dataSource: DataSource,
  year: number,
  takenBy: string,
  now: Date,
): Promise<void> {
  const eligibility = await computeCycleEligibility(dataSource, year);
  const inserted = await manager.insert(CycleSnapshot, {
    year,
    takenAt: now,
    takenBy,
    ruleSetVersion: eligibility.ruleSetVersion,
    gate: JSON.stringify(eligibility.gate),
  });
  const snapshotId = inserted.identifiers[0].id as number;
  const scores = eligibility.attainment.map((a) => ({
    snapshotId,
    objectiveKey: a.objective,
    unitCode: a.unit,
    score: decimal(a.score),
    computedScore: decimal(a.computedScore),
  }));
  for (let i = 0; i < scores.length; i += 500) await manager.insert(FrozenScore, scores.slice(i, i + 500));
  const rows = eligibility.rows.map((r) => ({
    snapshotId,
    employeeId: r.employee.id,
    employeeCode: r.employee.code,
    employeeName: r.employee.name,
    category: r.employee.category,
    status: r.status,
    gateOpen: r.gateOpen,
    unitScore: decimal(r.unitScore),
    individualScore: decimal(r.individualScore),
    composite: decimal(r.composite),
    payableShare: decimal(r.payableShare),
    days: r.days.toFixed(6),
    inputs: JSON.stringify(r.inputs),
  }));
  for (let i = 0; i < rows.length; i += 500) await manager.insert(FrozenEligibility, rows.slice(i, i + 500));
}
