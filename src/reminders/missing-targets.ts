import { EntityManager, In, LessThanOrEqual } from "typeorm";
import { KpiDirection, ObjectiveLevel } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Objective } from "../../entities/objective.entity";
import { Target } from "../../entities/target.entity";

/**
 * The year's targets each unit's Obiettivi di Direzione still lack on a date, one Italian line per
 * objective, by unit id: the KPIs that count in the score (weight above 0, not phases, which need
 * none) and would leave it incomplete (DESIGN.md §3). The Direzione Generale sets them by act; the
 * unit proposes them, so it is the unit that is reminded.
 */
export async function missingTargets(
  manager: EntityManager,
  date: string,
  owned: ReadonlyMap<number, readonly Objective[]>,
): Promise<Map<number, string[]>> {
  const year = Number(date.slice(0, 4));
  const objectives = [...owned.values()].flat().filter((o) => o.level === ObjectiveLevel.DIREZIONE);
  if (objectives.length === 0) return new Map();
  const kpis = (await manager.findBy(Kpi, { objectiveId: In(objectives.map((o) => o.id)) })).filter(
    (k) => k.direction !== KpiDirection.MILESTONE && Number(k.weight) > 0,
  );
  const targeted = new Set(
    kpis.length
      ? (
          await manager.findBy(Target, {
            kpiId: In(kpis.map((k) => k.id)),
            year,
            effectiveDate: LessThanOrEqual(date),
          })
        ).map((t) => t.kpiId)
      : [],
  );
  const lacking = kpis.filter((k) => !targeted.has(k.id)).sort((a, b) => a.code.localeCompare(b.code));
  const result = new Map<number, string[]>();
  for (const [unitId, list] of owned)
    for (const objective of list) {
      const missing = lacking.filter((k) => k.objectiveId === objective.id);
      if (objective.level !== ObjectiveLevel.DIREZIONE || missing.length === 0) continue;
      const line = `${objective.key} «${objective.title}»: proporre il target ${year} di ${missing.map((k) => `${k.code} «${k.name}»`).join(", ")}, che la Direzione Generale fissa con atto`;
      result.set(unitId, [...(result.get(unitId) ?? []), line]);
    }
  return result;
}
