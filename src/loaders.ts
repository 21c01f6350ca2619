import DataLoader from "dataloader";
import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { Act } from "../entities/act.entity";
import { JobRun } from "../entities/job-run.entity";
import { Kpi } from "../entities/kpi.entity";
import { Measurement } from "../entities/measurement.entity";
import { MonitoringReport } from "../entities/monitoring-report.entity";
import { ObjectiveCollaborator } from "../entities/objective-collaborator.entity";
import { ObjectiveYear } from "../entities/objective-year.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnitHead } from "../entities/org-unit-head.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { Person } from "../entities/person.entity";
import { Phase } from "../entities/phase.entity";
import { PlanChange } from "../entities/plan-change.entity";
import { Target } from "../entities/target.entity";
import { AttainmentInputs } from "./attainment/attainment-inputs";
import { Period, periodBounds } from "./periods";
import { readEntities } from "./read-entities";

/**
 * The per-request DataLoaders: made afresh for each request so that no cache outlives it or
 * crosses callers. Units and objectives by owner come from the request's attainment inputs, so
 * attainment and the plan's fields read them once. Each list field batches its parents' keys into
 * one statement, so a query costs statements in proportion to its depth, not to the rows it returns.
 */
export function createLoaders(dataSource: DataSource, inputs: AttainmentInputs) {
  const manager = dataSource.manager;

  function byId<E extends ObjectLiteral & { id: number }>(entity: EntityTarget<E>) {
    return new DataLoader<number, E | null>(async (ids) => {
      const rows = await readEntities(
        manager.createQueryBuilder(entity, "e").where("e.id IN (:...ids)", { ids: [...ids] }),
      );
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  function groupedBy<E extends ObjectLiteral>(
    entity: EntityTarget<E>,
    column: keyof E & string,
    order: Record<string, "ASC" | "DESC">,
  ) {
    return new DataLoader<number, E[]>(async (keys) => {
      const query = manager.createQueryBuilder(entity, "e").where(`e.${column} IN (:...keys)`, { keys: [...keys] });
      for (const [field, direction] of Object.entries(order)) query.addOrderBy(`e.${field}`, direction);
      const rows = await readEntities(query);
      const groups = new Map<number, E[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(row[column])?.push(row);
      return keys.map((key) => groups.get(key)!);
    });
  }

  /** Keys "kpiId|year" ("null": every year): one statement for each year asked. */
  const measurementsByKpi = new DataLoader<string, Measurement[]>(async (keys) => {
    const asked = keys
      .map((key) => key.split("|"))
      .map(([kpiId, year]) => ({ kpiId: Number(kpiId), year: year === "null" ? null : Number(year) }));
    const rows = new Map<string, Measurement[]>(keys.map((key) => [key, []]));
    for (const year of new Set(asked.map((a) => a.year))) {
      const query = manager
        .createQueryBuilder(Measurement, "m")
        .leftJoin(Measurement, "later", "later.supersedesId = m.id")
        .where("later.id IS NULL")
        .andWhere("m.kpiId IN (:...kpiIds)", { kpiIds: asked.filter((a) => a.year === year).map((a) => a.kpiId) })
        .orderBy("m.year")
        .addOrderBy("m.periodKind")
        .addOrderBy("m.periodIndex")
        .addOrderBy("m.id");
      if (year !== null) query.andWhere("m.year = :year", { year });
      for (const row of await readEntities(query)) rows.get(`${row.kpiId}|${year}`)!.push(row);
    }
    return keys.map((key) => rows.get(key)!);
  });

  /** Each KPI's latest whole value in force (its latest year's latest period, then the latest recorded). */
  const latestValueByKpi = new DataLoader<number, { period: Period; recordedAt: Date } | null>(async (ids) => {
    const rows = await readEntities(
      manager
        .createQueryBuilder(Measurement, "m")
        .leftJoin(Measurement, "later", "later.supersedesId = m.id")
        .where("later.id IS NULL AND m.breakdown IS NULL")
        .andWhere("m.kpiId IN (:...ids)", { ids: [...ids] })
        .andWhere("m.year = (SELECT MAX(y.year) FROM measurement y WHERE y.kpiId = m.kpiId)"),
    );
    const latest = new Map<number, { period: Period; recordedAt: Date; end: string }>();
    for (const m of rows) {
      const period = { year: m.year, kind: m.periodKind, index: m.periodIndex };
      const end = periodBounds(period).end;
      const held = latest.get(m.kpiId);
      if (!held || end > held.end || (end === held.end && m.recordedAt > held.recordedAt))
        latest.set(m.kpiId, { period, recordedAt: m.recordedAt, end });
    }
    return ids.map((id) => {
      const found = latest.get(id);
      return found ? { period: found.period, recordedAt: found.recordedAt } : null;
    });
  });

  return {
    latestValueByKpi,
    unit: byId(OrgUnit),
    objective: byId(Objective),
    person: byId(Person),
    act: byId(Act),
    kpiById: byId(Kpi),
    measurement: byId(Measurement),
    jobRun: byId(JobRun),
    correctionsOf: groupedBy(Measurement, "supersedesId", { id: "ASC" }),
    /** Every KPI's values in force (not corrected since), whole and parts, by period: of one year, or of all (null). */
    measurementsByKpi: {
      load: (kpiId: number, year: number | null) => measurementsByKpi.load(`${kpiId}|${year}`),
    },
    /** Every unit by id, read once per request and shared with attainment. */
    allUnits: () => inputs.units(),
    headsByUnit: groupedBy(OrgUnitHead, "unitId", { validFrom: "ASC" }),
    childrenByObjective: groupedBy(Objective, "parentId", { position: "ASC" }),
    collaboratorsByObjective: groupedBy(ObjectiveCollaborator, "objectiveId", { unitId: "ASC" }),
    collaborationsByUnit: groupedBy(ObjectiveCollaborator, "unitId", { objectiveId: "ASC" }),
    yearsByObjective: groupedBy(ObjectiveYear, "objectiveId", { year: "ASC" }),
    kpisByObjective: groupedBy(Kpi, "objectiveId", { id: "ASC" }),
    phasesByObjective: groupedBy(Phase, "objectiveId", { position: "ASC" }),
    reportsByObjective: groupedBy(MonitoringReport, "objectiveId", { monitoringDate: "ASC", id: "ASC" }),
    targetsByKpi: groupedBy(Target, "kpiId", { year: "ASC", effectiveDate: "ASC" }),
    changesByObjective: groupedBy(PlanChange, "objectiveId", { effectiveDate: "ASC", id: "ASC" }),
    changesByAct: groupedBy(PlanChange, "actId", { id: "ASC" }),
    /** A year's objectives by the unit that owned them on a date (null: now), shared with attainment. */
    objectivesByOwner: { load: (year: number, asOf: string | null) => inputs.objectivesByOwner(year, asOf) },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
