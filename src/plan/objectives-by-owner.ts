import { EntityManager } from "typeorm";
import { ObjectiveStatus, PlanChangeKind, PlanElement } from "../../entities/enums";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { UnitSpan } from "../organisation/lineage";
import { readEntities } from "../read-entities";
import { owningUnitOn } from "./ownership";

/**
 * A year's objectives, in plan order, grouped by the unit that owned them on a date as the
 * organisation stood that day; with no date, by their owner as the plan stands now (active only).
 */
export async function readObjectivesByOwner(
  manager: EntityManager,
  year: number,
  ownedOn: string | null,
  units: () => Promise<ReadonlyMap<number, UnitSpan>>,
): Promise<Map<number, Objective[]>> {
  const objectives = await readEntities(
    manager
      .createQueryBuilder(Objective, "o")
      .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year })
      .orderBy("o.position", "ASC"),
  );
  const groups = new Map<number, Objective[]>();
  const add = (unitId: number, objective: Objective) => groups.set(unitId, [...(groups.get(unitId) ?? []), objective]);
  if (ownedOn === null) {
    for (const objective of objectives)
      if (objective.status === ObjectiveStatus.ACTIVE && objective.ownerUnitId !== null)
        add(objective.ownerUnitId, objective);
    return groups;
  }
  const [changes, unitsThen] = await Promise.all([
    readEntities(
      manager
        .createQueryBuilder(PlanChange, "c")
        .innerJoin(ObjectiveYear, "y", "y.objectiveId = c.objectiveId AND y.year = :year", { year })
        .where("c.element = :objective", { objective: PlanElement.OBJECTIVE })
        .andWhere("c.kind IN (:...kinds)", {
          kinds: [PlanChangeKind.CREATED, PlanChangeKind.TRANSFERRED, PlanChangeKind.REMOVED],
        }),
    ),
    units(),
  ]);
  const byObjective = new Map<number, PlanChange[]>();
  for (const change of changes)
    byObjective.set(change.objectiveId, [...(byObjective.get(change.objectiveId) ?? []), change]);
  for (const objective of objectives) {
    const owner = owningUnitOn(byObjective.get(objective.id) ?? [], ownedOn, unitsThen);
    if (owner !== null) add(owner, objective);
  }
  return groups;
}
