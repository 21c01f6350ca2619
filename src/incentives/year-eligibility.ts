import { DataSource } from "typeorm";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { AttainmentService } from "../attainment/attainment-service";
import { isFrozen } from "../cycles/cycles";
import { frozenYear } from "../cycles/snapshot";
import { computeCycleEligibility, YearEligibility } from "./cycle-eligibility";

/**
 * A year's eligibility as everyone sees it: from the Nucleo's validation on, the figures frozen
 * then; before it, computed afresh and provisional. (A year validated before validation froze
 * figures has no snapshot: it is computed, as it was, until the Nucleo validates it again.)
 */
export async function yearEligibility(
  dataSource: DataSource,
  attainment: AttainmentService,
  cycle: EvaluationCycle,
): Promise<YearEligibility> {
  const frozen = isFrozen(cycle.status) ? await frozenYear(dataSource.manager, cycle.year) : null;
  return frozen ?? (await computeCycleEligibility(dataSource, attainment, cycle.year));
}
