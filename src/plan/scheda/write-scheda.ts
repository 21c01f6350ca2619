import { createHash } from "node:crypto";
import { EntityManager, ObjectLiteral } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { Act } from "../../../entities/act.entity";
import { AuditEvent } from "../../../entities/audit-event.entity";
import {
  ObjectiveStatus,
  PlanChangeKind,
  PlanChangeReason,
  PlanChangeSource,
  PlanElement,
} from "../../../entities/enums";
import { Kpi } from "../../../entities/kpi.entity";
import { Phase } from "../../../entities/phase.entity";
import { FieldChange, PlanChange } from "../../../entities/plan-change.entity";
import { Target } from "../../../entities/target.entity";
import { auditedCaller } from "../../audit/record-audit";
import { Caller } from "../../auth/caller";
import { invalidInput } from "../../errors";
import { CurrentScheda } from "./current-scheda";
import { KpiDefinition, PhaseDefinition, TargetDefinition } from "./scheda";

/** One element to write: what the act states, what was in force, and the fields that differ. */
export type ElementChange = { key: string; kind: PlanChangeKind; fields: FieldChange[]; objectiveKey: string } & (
  | { element: PlanElement.KPI; before: KpiDefinition | null; after: KpiDefinition }
  | { element: PlanElement.TARGET; before: TargetDefinition | null; after: TargetDefinition }
  | { element: PlanElement.PHASE; before: PhaseDefinition | null; after: PhaseDefinition | null }
);

export interface WriteBasis {
  act: Act;
  reason: PlanChangeReason;
  effectiveDate: string;
  note: string | null;
}

const BATCH = 500;

async function insertInBatches<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => E,
  rows: QueryDeepPartialEntity<E>[],
) {
  for (let i = 0; i < rows.length; i += BATCH) await manager.insert(entity, rows.slice(i, i + BATCH));
}

/** The columns a KPI or phase row keeps of its definition (its objective is a reference). */
const kpiColumns = (k: KpiDefinition) => ({
  name: k.name,
  unit: k.unit,
  direction: k.direction,
  weight: k.weight,
  frequency: k.frequency,
  source: k.source,
  scoring: k.scoring,
});
const phaseColumns = (p: PhaseDefinition) => ({ name: p.name, plannedDate: p.plannedDate, weight: p.weight });

/**
 * Writes the changed elements: new KPIs and phases inserted, changed ones updated in place (their
 * history is in the plan changes), each changed target a new row in force from the effective date.
 */
export async function writeElements(
  manager: EntityManager,
  basis: WriteBasis,
  changes: readonly ElementChange[],
  current: CurrentScheda,
): Promise<void> {
  const objectiveId = (key: string) => current.objectives.get(key)!.id;
  const created = (element: PlanElement) =>
    changes.filter((c) => c.element === element && c.kind === PlanChangeKind.CREATED);
  const updated = (element: PlanElement) =>
    changes.filter((c) => c.element === element && c.kind !== PlanChangeKind.CREATED);

  await insertInBatches(
    manager,
    Kpi,
    created(PlanElement.KPI).map((c) => {
      const kpi = c.after as KpiDefinition;
      return { ...kpiColumns(kpi), code: kpi.code, objectiveId: objectiveId(kpi.objectiveKey) };
    }),
  );
  for (const c of updated(PlanElement.KPI))
    await manager.update(Kpi, { id: current.kpis.get(c.key)!.id }, kpiColumns(c.after as KpiDefinition));

  const targets = changes.filter((c) => c.element === PlanElement.TARGET).map((c) => c.after);
  if (targets.length) {
    const codes = [...new Set(targets.map((t) => t.kpiCode))];
    const kpiIds = new Map<string, number>();
    for (let i = 0; i < codes.length; i += BATCH) {
      const rows = await manager
        .createQueryBuilder(Kpi, "k")
        .select(["k.id", "k.code"])
        .where("k.code IN (:...codes)", { codes: codes.slice(i, i + BATCH) })
        .getMany();
      for (const row of rows) kpiIds.set(row.code, row.id);
    }
    await insertInBatches(
      manager,
      Target,
      targets.map(({ kpiCode, ...target }) => ({
        ...target,
        kpiId: kpiIds.get(kpiCode)!,
        items: [],
        effectiveDate: basis.effectiveDate,
        actId: basis.act.id,
        seedLine: null,
      })),
    );
  }

  const newPhases = created(PlanElement.PHASE).map((c) => c.after as PhaseDefinition);
  // Each objective's new phases go after its last one: one grouped query, not one per objective.
  const last = await lastPositions(manager, [...new Set(newPhases.map((p) => objectiveId(p.objectiveKey)))]);
  const rows = newPhases.map((phase) => {
    const id = objectiveId(phase.objectiveKey);
    last.set(id, (last.get(id) ?? 0) + 1);
    return {
      ...phaseColumns(phase),
      code: phase.code,
      objectiveId: id,
      position: last.get(id)!,
      status: ObjectiveStatus.ACTIVE,
      actId: basis.act.id,
    };
  });
  await insertInBatches(manager, Phase, rows);
  for (const c of updated(PlanElement.PHASE)) {
    const id = current.phases.get(c.key)!.id;
    if (c.after === null) await manager.update(Phase, { id }, { status: ObjectiveStatus.REMOVED, actId: basis.act.id });
    else
      await manager.update(
        Phase,
        { id },
        { ...phaseColumns(c.after as PhaseDefinition), status: ObjectiveStatus.ACTIVE, actId: basis.act.id },
      );
  }
}

/** The highest phase position of each objective that has phases. */
async function lastPositions(manager: EntityManager, objectiveIds: number[]): Promise<Map<number, number>> {
  const last = new Map<number, number>();
  for (let i = 0; i < objectiveIds.length; i += BATCH) {
    const rows = await manager
      .createQueryBuilder(Phase, "p")
      .select("p.objectiveId", "objectiveId")
      .addSelect("MAX(p.position)", "position")
      .where("p.objectiveId IN (:...ids)", { ids: objectiveIds.slice(i, i + BATCH) })
      .groupBy("p.objectiveId")
      .getRawMany<{ objectiveId: number | string; position: number | string }>();
    for (const row of rows) last.set(Number(row.objectiveId), Number(row.position));
  }
  return last;
}

/** A plan change's key: unique per act, kind and element; hashed when the codes make it too long. */
function changeKey(act: Act, change: ElementChange): string {
  const key = `${act.key}:${change.kind}:${change.element}:${change.key}`;
  return key.length <= 96 ? key : `${key.slice(0, 55)}#${createHash("sha1").update(key).digest("hex")}`;
}

/** Each change as a plan change of its objective, naming the element and its fields, with an audit event. */
export async function recordElementChanges(
  manager: EntityManager,
  caller: Caller,
  basis: WriteBasis,
  changes: readonly ElementChange[],
  current: CurrentScheda,
  now: Date,
): Promise<void> {
  const keys = changes.map((c) => changeKey(basis.act, c));
  for (let i = 0; i < keys.length; i += BATCH) {
    const taken = await manager
      .createQueryBuilder(PlanChange, "c")
      .select("c.key")
      .where("c.key IN (:...keys)", { keys: keys.slice(i, i + BATCH) })
      .getMany();
    if (taken.length)
      throw invalidInput(
        "act",
        `${basis.act.key} already records ${taken[0].key}: state a further change by another act`,
      );
  }
  await insertInBatches(
    manager,
    PlanChange,
    changes.map((c, i) => ({
      key: keys[i],
      actId: basis.act.id,
      objectiveId: current.objectives.get(c.objectiveKey)!.id,
      kind: c.kind,
      reason: basis.reason,
      source: PlanChangeSource.ANNEX,
      fromUnitId: null,
      toUnitId: null,
      oldTitle: null,
      newTitle: null,
      effectiveDate: basis.effectiveDate,
      citations: [],
      note: basis.note,
      element: c.element,
      elementKey: c.key,
      fields: c.fields,
    })),
  );
  const { actor, role } = auditedCaller(caller);
  await insertInBatches(
    manager,
    AuditEvent,
    changes.map((c) => ({
      at: now,
      actor,
      role,
      action: `${c.element}_${c.kind}`,
      entityType: c.element,
      entityId: c.key,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: JSON.stringify({ element: c.after, act: basis.act.key, effectiveDate: basis.effectiveDate }),
    })),
  );
}
