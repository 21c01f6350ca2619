import { EntityManager, EntityTarget, In, ObjectLiteral } from "typeorm";
import { ObjectiveStatus } from "../../../entities/enums";
import { Kpi } from "../../../entities/kpi.entity";
import { ObjectiveYear } from "../../../entities/objective-year.entity";
import { Objective } from "../../../entities/objective.entity";
import { Phase } from "../../../entities/phase.entity";
import { Target } from "../../../entities/target.entity";
import { KpiDefinition, PhaseDefinition, TargetDefinition, targetKey } from "./scheda";

/** What is in force now for the elements a statement names, in the statement's own terms. */
export interface CurrentScheda {
  objectives: Map<string, Objective>;
  /** The years each objective applies to, by key. */
  years: Map<string, number[]>;
  kpis: Map<string, KpiDefinition & { id: number }>;
  /** The latest target of each KPI and year ("code/year"). */
  targets: Map<string, { id: number; effectiveDate: string; definition: TargetDefinition }>;
  phases: Map<string, { id: number; status: ObjectiveStatus; objectiveKey: string; definition: PhaseDefinition }>;
}

const CHUNK = 1000;

/** Rows whose column is one of the values, a chunk of values per statement (a plan has thousands). */
async function findIn<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  column: keyof E & string,
  values: ReadonlyArray<string | number>,
): Promise<E[]> {
  const unique = [...new Set(values)];
  const rows: E[] = [];
  for (let i = 0; i < unique.length; i += CHUNK)
    rows.push(...(await manager.find(entity, { where: { [column]: In(unique.slice(i, i + CHUNK)) } as never })));
  return rows;
}

export async function currentScheda(
  manager: EntityManager,
  statement: { kpis: KpiDefinition[]; targets: TargetDefinition[]; phases: PhaseDefinition[]; removedPhases: string[] },
): Promise<CurrentScheda> {
  const [kpis, phases] = await Promise.all([
    findIn(manager, Kpi, "code", [...statement.kpis.map((k) => k.code), ...statement.targets.map((t) => t.kpiCode)]),
    findIn(manager, Phase, "code", [...statement.phases.map((p) => p.code), ...statement.removedPhases]),
  ]);
  const byId = await findIn(
    manager,
    Objective,
    "id",
    [...kpis, ...phases].map((e) => e.objectiveId),
  );
  const byKey = await findIn(
    manager,
    Objective,
    "key",
    [...statement.kpis, ...statement.phases].map((e) => e.objectiveKey),
  );
  const objectives = new Map([...byId, ...byKey].map((o) => [o.key, o]));
  const keyOf = new Map([...objectives.values()].map((o) => [o.id, o.key]));
  const [objectiveYears, targets] = await Promise.all([
    findIn(
      manager,
      ObjectiveYear,
      "objectiveId",
      [...objectives.values()].map((o) => o.id),
    ),
    findIn(
      manager,
      Target,
      "kpiId",
      kpis.map((k) => k.id),
    ),
  ]);
  const years = new Map<string, number[]>();
  for (const y of objectiveYears) {
    const key = keyOf.get(y.objectiveId)!;
    years.set(key, [...(years.get(key) ?? []), y.year]);
  }
  const codeOf = new Map(kpis.map((k) => [k.id, k.code]));
  const latest = new Map<string, Target>();
  for (const t of targets) {
    const key = targetKey(codeOf.get(t.kpiId)!, t.year);
    const seen = latest.get(key);
    if (!seen || t.effectiveDate > seen.effectiveDate) latest.set(key, t);
  }
  return {
    objectives,
    years,
    kpis: new Map(
      kpis.map((k) => [
        k.code,
        {
          id: k.id,
          objectiveKey: keyOf.get(k.objectiveId)!,
          code: k.code,
          name: k.name,
          unit: k.unit,
          direction: k.direction,
          weight: k.weight,
          frequency: k.frequency,
          source: k.source,
          scoring: k.scoring,
        },
      ]),
    ),
    targets: new Map(
      [...latest].map(([key, t]) => [
        key,
        {
          id: t.id,
          effectiveDate: t.effectiveDate,
          definition: {
            kpiCode: codeOf.get(t.kpiId)!,
            year: t.year,
            description: t.description,
            value: t.value,
            bound: t.bound,
            strict: t.strict,
            low: t.low,
            high: t.high,
            tolerance: t.tolerance,
          },
        },
      ]),
    ),
    phases: new Map(
      phases.map((p) => [
        p.code,
        {
          id: p.id,
          status: p.status,
          objectiveKey: keyOf.get(p.objectiveId)!,
          definition: {
            objectiveKey: keyOf.get(p.objectiveId)!,
            code: p.code,
            name: p.name,
            plannedDate: p.plannedDate,
            weight: p.weight,
          },
        },
      ]),
    ),
  };
}
