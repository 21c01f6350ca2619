import DataLoader from "dataloader";
import { DataSource, EntityTarget, LessThan, ObjectLiteral } from "typeorm";
import { Act } from "../entities/act.entity";
import { ObjectiveLevel, ObjectiveStatus, PlanChangeKind } from "../entities/enums";
import { JobRun } from "../entities/job-run.entity";
import { Kpi } from "../entities/kpi.entity";
import { Measurement } from "../entities/measurement.entity";
import { ObjectiveCollaborator } from "../entities/objective-collaborator.entity";
import { ObjectiveYear } from "../entities/objective-year.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnitHead } from "../entities/org-unit-head.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { Person } from "../entities/person.entity";
import { PlanChange } from "../entities/plan-change.entity";
import { Review } from "../entities/review.entity";
import { Target } from "../entities/target.entity";
import { YearDataCache } from "./attainment/year-data-cache";
import { endOfDayInRome } from "./dates";
import { readEntities } from "./read-entities";
import { owningUnitOn } from "./plan/ownership";

/**
 * The per-request DataLoaders: made afresh for each request so that no cache outlives it or
 * crosses callers. Only attainment's inputs, the same for every caller, come from a cache the
 * server shares (YearDataCache). Each list field batches its parents' keys into one statement, so
 * a query costs statements in proportion to its depth, not to the rows it returns.
 */
export function createLoaders(dataSource: DataSource, yearDataCache = new YearDataCache(dataSource)) {
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
      for (const row of rows) groups.get(row[column] as number)?.push(row);
      return keys.map((key) => groups.get(key)!);
    });
  }

  const unit = byId(OrgUnit);
  const objective = byId(Objective);
  let allUnits: Promise<Map<number, OrgUnit>> | undefined;
  let version: Promise<number> | undefined;
  const activeByLevel = new Map<string, Promise<Objective[]>>();
  const reviewsByYear = new Map<string, Promise<Review[]>>();

  /** Objectives of a year grouped by the unit that owned them on a date (null: as the plan stands now). */
  const objectivesByOwner = new DataLoader<string, Map<number, Objective[]>>(async (keys) =>
    Promise.all(
      keys.map(async (key) => {
        const [year, asOf] = JSON.parse(key) as [number, string | null];
        const objectives = await readEntities(
          manager
            .createQueryBuilder(Objective, "o")
            .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year })
            .orderBy("o.position", "ASC"),
        );
        return asOf === null ? groupByCurrentOwner(objectives) : groupByOwnerOn(year, asOf, objectives);
      }),
    ),
  );

  async function groupByOwnerOn(year: number, asOf: string, objectives: Objective[]) {
    const [changes, units] = await Promise.all([
      readEntities(
        manager
          .createQueryBuilder(PlanChange, "c")
          .innerJoin(ObjectiveYear, "y", "y.objectiveId = c.objectiveId AND y.year = :year", { year })
          .where("c.kind IN (:...kinds)", {
            kinds: [PlanChangeKind.CREATED, PlanChangeKind.TRANSFERRED, PlanChangeKind.REMOVED],
          }),
      ),
      loaders.allUnits(),
    ]);
    const byObjective = new Map<number, PlanChange[]>();
    for (const change of changes)
      byObjective.set(change.objectiveId, [...(byObjective.get(change.objectiveId) ?? []), change]);
    const groups = new Map<number, Objective[]>();
    for (const objective of objectives) {
      const owner = owningUnitOn(byObjective.get(objective.id) ?? [], asOf, units);
      if (owner !== null) groups.set(owner, [...(groups.get(owner) ?? []), objective]);
    }
    return groups;
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

  const loaders = {
    unit,
    objective,
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
    allUnits: () =>
      (allUnits ??= readEntities(manager.createQueryBuilder(OrgUnit, "u")).then(
        (rows) => new Map(rows.map((u) => [u.id, u])),
      )),
    /** The objectives of a level in force for a year, in plan order, loaded once per request. */
    activeObjectives: (level: ObjectiveLevel, year: number) => {
      const key = `${level}|${year}`;
      if (!activeByLevel.has(key)) {
        activeByLevel.set(
          key,
          readEntities(
            manager
              .createQueryBuilder(Objective, "o")
              .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year })
              .where("o.level = :level AND o.status = :status", { level, status: ObjectiveStatus.ACTIVE })
              .orderBy("o.position", "ASC"),
          ),
        );
      }
      return activeByLevel.get(key)!;
    },
    /** The Nucleo's decisions on a year, as known on a date (null: now), loaded once per request. */
    reviews: (year: number, asOf: string | null) => {
      const key = `${year}|${asOf}`;
      if (!reviewsByYear.has(key)) {
        reviewsByYear.set(
          key,
          manager.find(Review, {
            where: { year, ...(asOf ? { decidedAt: LessThan(endOfDayInRome(asOf)) } : {}) },
            order: { decidedAt: "ASC", id: "ASC" },
          }),
        );
      }
      return reviewsByYear.get(key)!;
    },
    /** KPIs, targets and yearly values for attainment, as they stood when the request began (shared, read-only). */
    yearData: async (year: number, asOf: string | null) =>
      yearDataCache.yearData(await (version ??= yearDataCache.version()), year, asOf),
    headsByUnit: groupedBy(OrgUnitHead, "unitId", { validFrom: "ASC" }),
    childrenByObjective: groupedBy(Objective, "parentId", { position: "ASC" }),
    collaboratorsByObjective: groupedBy(ObjectiveCollaborator, "objectiveId", { unitId: "ASC" }),
    collaborationsByUnit: groupedBy(ObjectiveCollaborator, "unitId", { objectiveId: "ASC" }),
    yearsByObjective: groupedBy(ObjectiveYear, "objectiveId", { year: "ASC" }),
    kpisByObjective: groupedBy(Kpi, "objectiveId", { id: "ASC" }),
    targetsByKpi: groupedBy(Target, "kpiId", { year: "ASC" }),
    changesByObjective: groupedBy(PlanChange, "objectiveId", { effectiveDate: "ASC", id: "ASC" }),
    changesByAct: groupedBy(PlanChange, "actId", { id: "ASC" }),
    objectivesByOwner: {
      load: (year: number, asOf: string | null) => objectivesByOwner.load(JSON.stringify([year, asOf])),
    },
  };
  return loaders;
}

function groupByCurrentOwner(objectives: Objective[]): Map<number, Objective[]> {
  const groups = new Map<number, Objective[]>();
  for (const objective of objectives) {
    if (objective.status !== ObjectiveStatus.ACTIVE || objective.ownerUnitId === null) continue;
    groups.set(objective.ownerUnitId, [...(groups.get(objective.ownerUnitId) ?? []), objective]);
  }
  return groups;
}

export type Loaders = ReturnType<typeof createLoaders>;
