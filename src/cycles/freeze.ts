import { EntityManager } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { CycleEligibility } from "../incentives/cycle-eligibility";

const decimal = (value: number | null) => (value === null ? null : value.toFixed(6));

/** Freezes the year's gate, every objective's attainment and every employee's eligibility as they stand when the cycle closes. */
export async function freeze(
  manager: EntityManager,
  eligibility: CycleEligibility,
  takenBy: string,
  now: Date,
): Promise<void> {
  const inserted = await manager.insert(CycleSnapshot, {
    year: eligibility.year,
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
