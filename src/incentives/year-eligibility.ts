import { DataSource } from "typeorm";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { AttainmentService } from "../attainment/attainment-service";
import { isFrozen } from "../cycles/cycles";
import { frozenYear } from "../cycles/snapshot";
import { computeCycleEligibility, YearEligibility } from "./cycle-eligibility";
import { PreparedEligibility } from "./prepared-eligibility";

/**
 * A year's eligibility as everyone sees it: from the Nucleo's validation on, the figures frozen
 * then; before it, provisional: as prepared ahead while no count of changes has moved since, else
 * computed afresh. (A year validated before validation froze figures has no snapshot: it is
 * computed, as it was, until the Nucleo validates it again.)
 */
export async function yearEligibility(
  dataSource: DataSource,
  attainment: AttainmentService,
  cycle: EvaluationCycle,
  prepared: PreparedEligibility,
): Promise<YearEligibility> {
  const frozen = isFrozen(cycle.status) ? await frozenYear(dataSource.manager, cycle.year) : null;
  return (
    frozen ??
    (await prepared.current(dataSource.manager, cycle.year)) ??
    (await computeCycleEligibility(dataSource, attainment, cycle.year))
  );
}
