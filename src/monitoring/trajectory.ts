import { EntityManager } from "typeorm";
import { Objective } from "../../entities/objective.entity";
import { ObjectiveResult, scoreObjective } from "../attainment/compute";
import { periodBounds } from "../periods";
import { PeriodKind } from "../../entities/enums";
import { reportedYearData, reportsInForce } from "./reported-state";

export interface TrajectoryPoint {
  date: string;
  result: ObjectiveResult;
}

/**
 * An objective's year as it unfolded: at each monitoring date its directorates reported on, and at
 * the year's end, the score its reported values and phases made against the targets in force then.
 */
export async function trajectory(
  manager: EntityManager,
  objective: Objective,
  year: number,
): Promise<TrajectoryPoint[]> {
  const { end } = periodBounds({ year, kind: PeriodKind.YEAR, index: 0 });
  const reports = await reportsInForce(manager, [objective.id], end);
  const dates = [
    ...new Set([...reports.map((r) => r.monitoringDate).filter((d) => d.startsWith(`${year}-`)), end]),
  ].sort();
  const unitId = objective.ownerUnitId;
  return Promise.all(
    dates.map(async (date) => ({
      date,
      result: scoreObjective(objective, unitId, await reportedYearData(manager, objective.id, year, date)),
    })),
  );
}
