import { EntityManager } from "typeorm";
import { PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Target } from "../../entities/target.entity";
import { endOfDayInRome } from "../dates";
import { readEntities } from "../read-entities";
import { YearData } from "./compute";

/**
 * What attainment for a year rests on, as known on a date: every KPI, the year's targets, and the
 * yearly values in force then (recorded by that day and not yet corrected by that day).
 * Null `asOf`: as known now.
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
  if (asOf) measurementsQuery.andWhere("m.recordedAt < :end", { end: endOfDayInRome(asOf) });
  const [kpis, targets, measurements] = await Promise.all([
    readEntities(manager.createQueryBuilder(Kpi, "k")),
    readEntities(manager.createQueryBuilder(Target, "t").where("t.year = :year", { year })),
    readEntities(measurementsQuery),
  ]);
  const corrected = new Set(measurements.flatMap((m) => (m.supersedesId === null ? [] : [m.supersedesId])));
  const inForce = measurements.filter((m) => !corrected.has(m.id));
  return {
    kpis: kpis.map((k) => ({
      id: k.id,
      objectiveId: k.objectiveId,
      code: k.code,
      weight: Number(k.weight),
      direction: k.direction,
      scoring: k.scoring,
    })),
    targets: targets.map((t) => ({
      id: t.id,
      kpiId: t.kpiId,
      value: t.value === null ? null : Number(t.value),
      bound: t.bound === null ? null : Number(t.bound),
      actId: t.actId,
    })),
    measurements: inForce.map((m) => ({
      id: m.id,
      kpiId: m.kpiId,
      orgUnitId: m.orgUnitId,
      value: m.value === null ? null : Number(m.value),
    })),
    rows: new Map(inForce.map((m) => [m.id, m])),
  };
}
