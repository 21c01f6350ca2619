import { EntityManager } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { CycleEligibility } from "../incentives/cycle-eligibility";
import { eurosOf, micro } from "../incentives/fund";
import { insertRows } from "../storage/insert-rows";

/** Six decimals, the millionths the fund was split by. */
const decimal = (value: number | null) => (value === null ? null : (micro(value) / 1e6).toFixed(6));

/**
 * Freezes the year's gate, every objective's attainment and every employee's eligibility and
 * amount as they stand when the Nucleo validates the year: payroll is paid on these, byte for byte,
 * until the Nucleo sends the year back to review.
 */
export async function freeze(
  manager: EntityManager,
  eligibility: CycleEligibility,
  takenBy: string,
  now: Date,
): Promise<void> {
  const { open, mode, threshold, score } = eligibility.gate;
  if (open === null) throw new Error(`The gate of ${eligibility.year} is not judged: nothing to freeze`);
  const inserted = await manager.insert(CycleSnapshot, {
    year: eligibility.year,
    takenAt: now,
    takenBy,
    ruleSetVersion: eligibility.ruleSetVersion,
    gate: JSON.stringify({ open, mode, threshold, score }),
  });
  const snapshotId = inserted.identifiers[0].id as number;
  const scores = eligibility.attainment.map((a): Partial<FrozenScore> => ({
    snapshotId,
    objectiveKey: a.objective,
    unitCode: a.unit,
    score: decimal(a.score),
    computedScore: decimal(a.computedScore),
  }));
  await insertRows(manager, FrozenScore, scores);
  // Made as each statement wants them, while the database writes the one before.
  const rows = function* (): Generator<Partial<FrozenEligibility>> {
    for (const r of eligibility.rows)
      yield {
        snapshotId,
        employeeId: r.employee.id,
        employeeCode: r.employee.code,
        employeeName: r.employee.name,
        category: r.category,
        status: r.status,
        reasons: r.reasons.length ? JSON.stringify(r.reasons) : null,
        gateOpen: open,
        unitScore: decimal(r.unitScore),
        individualScore: decimal(r.individualScore),
        composite: decimal(r.composite),
        payableShare: decimal(r.payableShare),
        maggiorazione: decimal(r.maggiorazione),
        art69Rank: r.art69Rank,
        amount: r.amountCents === null ? null : eurosOf(r.amountCents),
        days: r.days.toFixed(6),
        inputs: JSON.stringify(r.inputs),
      };
  };
  await insertRows(manager, FrozenEligibility, rows());
}
