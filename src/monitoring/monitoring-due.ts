import { EntityManager, In } from "typeorm";
import { KpiDirection, ObjectiveLevel, ObjectiveStatus, PhaseProgress } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { MonitoringReport } from "../../entities/monitoring-report.entity";
import { Objective } from "../../entities/objective.entity";
import { Phase } from "../../entities/phase.entity";
import { scoreObjective } from "../attainment/compute";
import { reportedYearData, reportsInForce } from "./reported-state";

/** What a unit still owes on one of its objectives for a monitoring date. */
export interface ObjectiveDue {
  objective: Objective;
  unitId: number;
  /** Phases due by the date that no report of the unit says done or late. */
  missingPhases: Phase[];
  /** KPIs entered by hand that have no value reported for the year yet. */
  missingValues: Kpi[];
  /** Off target (a phase late, or at the year's end a score short of 1) with no reason given. */
  missingReason: boolean;
  lastReport: MonitoringReport | null;
}

/**
 * For a monitoring date, each unit's Obiettivi di Direzione with what is still to report: the due
 * phases not reported, the values not entered, the gaps without a reason. Objectives with nothing
 * owed are left out, so an empty answer means the unit is up to date.
 */
export async function monitoringDue(
  manager: EntityManager,
  date: string,
  owned: ReadonlyMap<number, readonly Objective[]>,
): Promise<ObjectiveDue[]> {
  const year = Number(date.slice(0, 4));
  const objectives = [...owned.values()].flat().filter((o) => o.level === ObjectiveLevel.DIREZIONE);
  const ids = objectives.map((o) => o.id);
  if (ids.length === 0) return [];
  const [phases, kpis, reports] = await Promise.all([
    manager.findBy(Phase, { objectiveId: In(ids), status: ObjectiveStatus.ACTIVE }),
    manager.findBy(Kpi, { objectiveId: In(ids) }),
    reportsInForce(manager, ids, date),
  ]);
  const kpiOf = await kpisOfMeasurements(
    manager,
    reports.flatMap((r) => r.measurementIds),
  );
  const due: ObjectiveDue[] = [];
  for (const [unitId, list] of owned) {
    for (const objective of list.filter((o) => o.level === ObjectiveLevel.DIREZIONE)) {
      const own = reports.filter(
        (r) => r.objectiveId === objective.id && r.unitId === unitId && r.monitoringDate.startsWith(`${year}-`),
      );
      const reported = new Map(own.flatMap((r) => r.phases.map((p) => [p.phaseCode, p.progress] as const)));
      const missingPhases = phases.filter(
        (p) =>
          p.objectiveId === objective.id &&
          p.plannedDate.startsWith(`${year}-`) &&
          p.plannedDate <= date &&
          !reported.has(p.code),
      );
      const entered = new Set(own.flatMap((r) => r.measurementIds.map((id) => kpiOf.get(id))));
      const missingValues = kpis.filter(
        (k) =>
          k.objectiveId === objective.id &&
          k.source === "MANUAL" &&
          k.direction !== KpiDirection.MILESTONE &&
          Number(k.weight) > 0 &&
          !entered.has(k.id),
      );
      const gaps = own.flatMap((r) => r.gaps);
      const late = [...reported.values()].includes(PhaseProgress.LATE);
      const shortAtYearEnd =
        date.endsWith("-12-31") &&
        (scoreObjective(objective, unitId, await reportedYearData(manager, objective.id, year, date)).score ?? 1) < 1;
      const missingReason = (late || shortAtYearEnd) && gaps.length === 0;
      if (missingPhases.length || missingValues.length || missingReason)
        due.push({ objective, unitId, missingPhases, missingValues, missingReason, lastReport: own.at(-1) ?? null });
    }
  }
  return due;
}

/** The KPI each reported measurement is a value of. */
async function kpisOfMeasurements(manager: EntityManager, measurementIds: number[]): Promise<Map<number, number>> {
  if (measurementIds.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder("measurement", "m")
    .select("m.id", "id")
    .addSelect("m.kpiId", "kpiId")
    .where("m.id IN (:...ids)", { ids: measurementIds })
    .getRawMany<{ id: number; kpiId: number }>();
  return new Map(rows.map((r) => [Number(r.id), Number(r.kpiId)]));
}
