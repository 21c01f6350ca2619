import { EntityManager, In, LessThanOrEqual } from "typeorm";
import { ObjectiveStatus } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { MonitoringReport } from "../../entities/monitoring-report.entity";
import { Phase } from "../../entities/phase.entity";
import { Target } from "../../entities/target.entity";
import { YearData } from "../attainment/compute";
import { kpiInput, measurementInput, phaseInput, phasesDone, targetInput } from "../attainment/year-data";

/** The reports no later report supersedes. */
export function notSuperseded(reports: readonly MonitoringReport[]): MonitoringReport[] {
  const superseded = new Set(reports.flatMap((r) => (r.supersedesId === null ? [] : [r.supersedesId])));
  return reports.filter((r) => !superseded.has(r.id));
}

/** The reports in force on some objectives up to a monitoring date: for each objective, unit and date, the latest. */
export async function reportsInForce(
  manager: EntityManager,
  objectiveIds: readonly number[],
  until: string,
): Promise<MonitoringReport[]> {
  if (objectiveIds.length === 0) return [];
  const reports = await manager.find(MonitoringReport, {
    where: { objectiveId: In([...objectiveIds]), monitoringDate: LessThanOrEqual(until) },
    order: { monitoringDate: "ASC", id: "ASC" },
  });
  return notSuperseded(reports);
}

/**
 * An objective's year as its directorates reported it up to a monitoring date (not as recorded by
 * that day: a report on 30 June is usually sent in July): the targets in force that day, the values
 * the reports gave, the phases they said were done. Scored like any year's data.
 */
export async function reportedYearData(
  manager: EntityManager,
  objectiveId: number,
  year: number,
  date: string,
): Promise<YearData> {
  const [kpis, phases, reports] = await Promise.all([
    manager.findBy(Kpi, { objectiveId }),
    manager.findBy(Phase, { objectiveId, status: ObjectiveStatus.ACTIVE }),
    reportsInForce(manager, [objectiveId], date),
  ]);
  const yearReports = reports.filter((r) => r.monitoringDate.startsWith(`${year}-`));
  const targets = kpis.length
    ? await manager.find(Target, {
        where: { kpiId: In(kpis.map((k) => k.id)), year, effectiveDate: LessThanOrEqual(date) },
        order: { effectiveDate: "ASC" },
      })
    : [];
  const measurementIds = yearReports.flatMap((r) => r.measurementIds);
  const measurements = measurementIds.length ? await manager.findBy(Measurement, { id: In(measurementIds) }) : [];
  // Later reports come later in the list: their values and phases replace the earlier ones.
  const values = new Map(measurements.sort((a, b) => a.id - b.id).map((m) => [`${m.kpiId}|${m.orgUnitId}`, m]));
  return {
    kpis: kpis.map(kpiInput),
    targets: [...new Map(targets.map((t) => [t.kpiId, t])).values()].map(targetInput),
    measurements: [...values.values()].map(measurementInput),
    phases: phases.filter((p) => p.plannedDate.startsWith(`${year}-`)).map(phaseInput),
    phasesDone: phasesDone(yearReports, new Map(phases.map((p) => [p.code, p.id]))),
    judgedOn: date,
  };
}
