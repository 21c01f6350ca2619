import { EntityManager } from "typeorm";
import { ObjectiveStatus, PeriodKind, PhaseProgress } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { MonitoringReport } from "../../entities/monitoring-report.entity";
import { Phase } from "../../entities/phase.entity";
import { Target } from "../../entities/target.entity";
import { endOfDayInRome } from "../dates";
import { periodBounds } from "../periods";
import { readEntities } from "../read-entities";
import { KpiInput, MeasurementInput, TargetInput, YearData } from "./compute";
import { PhaseDoneInput, PhaseInput } from "./phase-progress";

const number = (value: string | null) => (value === null ? null : Number(value));

/**
 * What attainment for a year rests on, as known on a date: every KPI, the target of each in force
 * that day, the yearly values in force then (recorded by that day and not yet corrected by that
 * day), the year's phases and what the units had reported done. Null `asOf`: as known now.
 */
export async function loadYearData(
  manager: EntityManager,
  year: number,
  asOf: string | null,
): Promise<YearData & { rows: Map<number, Measurement> }> {
  const measurementsQuery = manager
    .createQueryBuilder(Measurement, "m")
    // The whole, not its parts (a CRM channel's figure does not score the objective).
    .where("m.year = :year AND m.periodKind = :kind AND m.breakdown IS NULL", { year, kind: PeriodKind.YEAR })
    .orderBy("m.id", "ASC");
  const { start, end } = periodBounds({ year, kind: PeriodKind.YEAR, index: 0 });
  const targetsQuery = manager
    .createQueryBuilder(Target, "t")
    .where("t.year = :year", { year })
    .orderBy("t.effectiveDate", "ASC");
  const reportsQuery = manager
    .createQueryBuilder(MonitoringReport, "r")
    .innerJoin(Phase, "p", "p.objectiveId = r.objectiveId")
    .where("p.plannedDate BETWEEN :start AND :end", { start, end })
    .distinct(true)
    .orderBy("r.id", "ASC");
  if (asOf) {
    measurementsQuery.andWhere("m.recordedAt < :known", { known: endOfDayInRome(asOf) });
    targetsQuery.andWhere("t.effectiveDate <= :asOf", { asOf });
    reportsQuery.andWhere("r.reportedAt < :known", { known: endOfDayInRome(asOf) });
  }
  const [kpis, targets, measurements, phases, reports] = await Promise.all([
    readEntities(manager.createQueryBuilder(Kpi, "k")),
    readEntities(targetsQuery),
    readEntities(measurementsQuery),
    readEntities(
      manager
        .createQueryBuilder(Phase, "p")
        .where("p.plannedDate BETWEEN :start AND :end AND p.status = :active", {
          start,
          end,
          active: ObjectiveStatus.ACTIVE,
        })
        .orderBy("p.position", "ASC"),
    ),
    readEntities(reportsQuery),
  ]);
  const corrected = new Set(measurements.flatMap((m) => (m.supersedesId === null ? [] : [m.supersedesId])));
  const inForce = measurements.filter((m) => !corrected.has(m.id));
  // Ordered by effective date: the last one of each KPI is the one in force.
  const targetInForce = new Map(targets.map((t) => [t.kpiId, t]));
  return {
    kpis: kpis.map(kpiInput),
    targets: [...targetInForce.values()].map(targetInput),
    measurements: inForce.map(measurementInput),
    phases: phases.map(phaseInput),
    phasesDone: phasesDone(reports, new Map(phases.map((p) => [p.code, p.id]))),
    judgedOn: asOf !== null && asOf < end ? asOf : end,
    rows: new Map(inForce.map((m) => [m.id, m])),
  };
}

/** Rows as scoring reads them: plain numbers, no entities. */
export const kpiInput = (k: Kpi): KpiInput => ({
  id: k.id,
  objectiveId: k.objectiveId,
  code: k.code,
  weight: Number(k.weight),
  direction: k.direction,
  scoring: k.scoring,
});

export const measurementInput = (m: Measurement): MeasurementInput => ({
  id: m.id,
  kpiId: m.kpiId,
  orgUnitId: m.orgUnitId,
  value: number(m.value),
});

export const phaseInput = (p: Phase): PhaseInput => ({
  id: p.id,
  objectiveId: p.objectiveId,
  plannedDate: p.plannedDate,
  weight: Number(p.weight),
});

/** A target row as scoring reads it. */
export function targetInput(t: Target): TargetInput {
  return {
    id: t.id,
    kpiId: t.kpiId,
    value: number(t.value),
    bound: number(t.bound),
    strict: t.strict,
    low: number(t.low),
    high: number(t.high),
    tolerance: number(t.tolerance),
    actId: t.actId,
  };
}

/** Each unit's latest report on each phase (a later report supersedes an earlier one): the phases it says are done. */
export function phasesDone(reports: readonly MonitoringReport[], phaseIds: Map<string, number>): PhaseDoneInput[] {
  const latest = new Map<string, PhaseDoneInput | null>();
  for (const report of reports) {
    for (const phase of report.phases) {
      const phaseId = phaseIds.get(phase.phaseCode);
      if (phaseId === undefined) continue;
      const done = phase.progress === PhaseProgress.DONE && phase.date !== null;
      latest.set(
        `${phaseId}|${report.unitId}`,
        done ? { phaseId, unitId: report.unitId, doneDate: phase.date! } : null,
      );
    }
  }
  return [...latest.values()].filter((d): d is PhaseDoneInput => d !== null);
}
