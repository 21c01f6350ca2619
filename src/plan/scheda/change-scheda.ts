import { DataSource, In } from "typeorm";
import { PlanChange } from "../../../entities/plan-change.entity";
import { Caller } from "../../auth/caller";
import { actFor, ChangeBasis, onlyPlan } from "../act-basis";
import { applyScheda, SchedaStatement } from "./apply-scheda";

/**
 * A change to the schede by act, in one transaction: the act found or recorded, the statement
 * applied, and the plan changes it recorded returned (none when it changes nothing).
 */
export function changeScheda(
  dataSource: DataSource,
  caller: Caller,
  basis: ChangeBasis,
  statement: Partial<SchedaStatement>,
  jobKeys: readonly string[],
): Promise<PlanChange[]> {
  return dataSource.transaction(async (manager) => {
    const plan = await onlyPlan(manager);
    const { act, effectiveDate } = await actFor(manager, caller, plan, basis);
    const changes = await applyScheda(
      manager,
      caller,
      { plan, act, reason: basis.reason, effectiveDate, note: basis.note, jobKeys },
      { kpis: [], targets: [], phases: [], removedPhases: [], ...statement },
    );
    if (changes.length === 0) return [];
    return manager.find(PlanChange, {
      where: { actId: act.id, elementKey: In(changes.map((c) => c.key)) },
      order: { id: "ASC" },
    });
  });
}
