import { DataSource, EntityManager, In } from "typeorm";
import { Act } from "../../entities/act.entity";
import { Administration } from "../../entities/administration.entity";
import { Ambiguity } from "../../entities/ambiguity.entity";
import { Kpi } from "../../entities/kpi.entity";
import { ObjectiveCollaborator } from "../../entities/objective-collaborator.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnitHead } from "../../entities/org-unit-head.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Person } from "../../entities/person.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { Plan } from "../../entities/plan.entity";
import { Target } from "../../entities/target.entity";
import { AuditEntry, recordAudit } from "../audit/record-audit";
import { ensureOne, idsByKey, insertInChunks, insertMissing, uniqueBy } from "./insert-missing";
import { PlanData } from "./plan-data.schema";

export type LoadReport = Record<string, number>;

const PLAN_LOADER: Pick<AuditEntry, "actor" | "role"> = { actor: "system:plan-loader", role: null };

/**
 * Imports a plan data file. Every record has a natural key; a record whose key is already in the
 * database is left as it is, so loading twice changes nothing, and a corrected file never
 * rewrites history: corrections to a loaded plan go through acts. One transaction: a failure
 * leaves the database as it was.
 */
export function loadPlan(dataSource: DataSource, data: PlanData): Promise<LoadReport> {
  return dataSource.transaction((manager) => loadPlanWith(manager, data));
}

/**
 * The same, in the caller's transaction and audited as the caller. A record may name units and
 * objectives already stored (an import adds objectives to units loaded before).
 */
export async function loadPlanWith(
  manager: EntityManager,
  data: PlanData,
  who: Pick<AuditEntry, "actor" | "role"> = PLAN_LOADER,
): Promise<LoadReport> {
  const report: LoadReport = {};
  const count = (name: string, n: number) => (report[name] = n);

  const administration = await ensureOne(
    manager,
    Administration,
    { code: data.administration.code },
    data.administration,
  );
  const plan = await ensureOne(
    manager,
    Plan,
    { code: data.plan.code },
    { ...data.plan, administrationId: administration.id },
  );

  const acts = await insertMissing(
    manager,
    Act,
    "key",
    data.acts.map((a) => ({ ...a, planId: plan.id })),
  );
  count("acts", acts.inserted);

  const units = await loadUnits(manager, data);
  count("units", units.inserted);

  const people = await insertMissing(
    manager,
    Person,
    "key",
    uniqueBy(
      data.units.flatMap((u) =>
        u.head ? [{ key: personKey(u.head.name), name: u.head.name, honorific: u.head.honorific }] : [],
      ),
      (p) => p.key,
    ),
  );
  const heads = await insertMissingHeads(manager, data, units.ids, people.ids);
  count("heads", heads);

  const objectives = await loadObjectives(manager, data, plan.id, units.ids);
  count("objectives", objectives.inserted);

  const kpis = await insertMissing(
    manager,
    Kpi,
    "code",
    data.kpis.map(({ targets: _targets, seedLine: _line, objective, ...k }) => ({
      ...k,
      objectiveId: objectives.ids.get(objective)!,
    })),
  );
  count("kpis", kpis.inserted);
  count("targets", await insertMissingTargets(manager, data, kpis.ids, acts.ids));

  const changes = await insertMissing(
    manager,
    PlanChange,
    "key",
    data.changes.map((c) => ({
      key: c.key,
      actId: acts.ids.get(c.act)!,
      objectiveId: objectives.ids.get(c.objective)!,
      kind: c.kind,
      reason: c.reason,
      source: c.source,
      fromUnitId: c.from ? units.ids.get(c.from)! : null,
      toUnitId: c.to ? units.ids.get(c.to)! : null,
      oldTitle: c.oldTitle,
      newTitle: c.newTitle,
      effectiveDate: c.effectiveDate,
      citations: c.citations,
      note: c.note,
    })),
  );
  count("changes", changes.inserted);

  const ambiguities = await insertMissing(
    manager,
    Ambiguity,
    "key",
    data.ambiguities.map((a) => ({ ...a, planId: plan.id })),
  );
  count("ambiguities", ambiguities.inserted);

  if (Object.values(report).some((n) => n > 0)) {
    await recordAudit(manager, {
      ...who,
      action: "PLAN_IMPORTED",
      entityType: "Plan",
      entityId: String(plan.id),
      before: null,
      after: { source: data.source.file, inserted: report },
    });
  }
  return report;
}

export function personKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Every unit code the data names, as a unit or a reference to one. */
function unitCodes(data: PlanData): string[] {
  return [
    ...data.units.flatMap((u) => [u.code, u.parent, u.predecessor]),
    ...data.objectives.flatMap((o) => [o.owner, ...o.collaborators]),
    ...data.changes.flatMap((c) => [c.from, c.to]),
  ].filter((code): code is string => code !== null);
}

/** Units name their parent and predecessor by code, so they go in after the units they name. */
async function loadUnits(manager: EntityManager, data: PlanData) {
  const stored = await idsByKey(manager, OrgUnit, "code", unitCodes(data));
  let inserted = 0;
  let pending = data.units.filter((u) => !stored.has(u.code));
  while (pending.length > 0) {
    const ready = pending.filter((u) => [u.parent, u.predecessor].every((ref) => ref === null || stored.has(ref)));
    if (ready.length === 0)
      throw new Error(`Units refer to each other in a cycle: ${pending.map((u) => u.code).join(", ")}`);
    for (const u of ready) {
      const result = await manager.insert(OrgUnit, {
        code: u.code,
        name: u.name,
        kind: u.kind,
        validFrom: u.validFrom,
        validTo: u.validTo,
        annexPages: u.annexPages,
        parentId: u.parent ? stored.get(u.parent)! : null,
        predecessorId: u.predecessor ? stored.get(u.predecessor)! : null,
      });
      stored.set(u.code, result.identifiers[0].id as number);
      inserted += 1;
    }
    pending = pending.filter((u) => !ready.includes(u));
  }
  return { inserted, ids: stored };
}

async function insertMissingHeads(
  manager: EntityManager,
  data: PlanData,
  unitIds: Map<string, number>,
  personIds: Map<string, number>,
): Promise<number> {
  const existing = await manager.find(OrgUnitHead, { where: { unitId: In([...unitIds.values()]) } });
  const seen = new Set(existing.map((h) => `${h.unitId}|${h.personId}|${h.validFrom}`));
  const rows = data.units.flatMap((u) => {
    if (!u.head) return [];
    const row = {
      unitId: unitIds.get(u.code)!,
      personId: personIds.get(personKey(u.head.name))!,
      validFrom: u.head.validFrom,
      validTo: u.validTo,
    };
    return seen.has(`${row.unitId}|${row.personId}|${row.validFrom}`) ? [] : [row];
  });
  if (rows.length) await manager.insert(OrgUnitHead, rows);
  return rows.length;
}

/** Objectives name their parent by key; the file lists new parents first, as the plan does. */
async function loadObjectives(manager: EntityManager, data: PlanData, planId: number, unitIds: Map<string, number>) {
  const ids = await idsByKey(manager, Objective, "key", [
    ...data.objectives.flatMap((o) => (o.parent ? [o.key, o.parent] : [o.key])),
    ...data.changes.map((c) => c.objective),
    ...data.kpis.map((k) => k.objective),
  ]);
  const missing = data.objectives.filter((o) => !ids.has(o.key));
  for (const o of missing) {
    if (o.parent && !ids.has(o.parent)) throw new Error(`Objective ${o.key} is listed before its parent ${o.parent}`);
    const result = await manager.insert(Objective, {
      planId,
      key: o.key,
      level: o.level,
      heading: o.heading,
      healthGroup: o.healthGroup,
      title: o.title,
      ownerUnitId: o.owner ? unitIds.get(o.owner)! : null,
      parentId: o.parent ? ids.get(o.parent)! : null,
      number: o.number,
      status: o.status,
      position: o.position,
      seedLine: o.seedLine,
      unresolvedCollaborators: o.unresolvedCollaborators,
    });
    ids.set(o.key, result.identifiers[0].id as number);
  }
  const years = missing.flatMap((o) => o.years.map((year) => ({ objectiveId: ids.get(o.key)!, year })));
  const collaborators = missing.flatMap((o) =>
    o.collaborators.map((code) => ({ objectiveId: ids.get(o.key)!, unitId: unitIds.get(code)! })),
  );
  await insertInChunks(manager, ObjectiveYear, years);
  await insertInChunks(manager, ObjectiveCollaborator, collaborators);
  return { inserted: missing.length, ids };
}

async function insertMissingTargets(
  manager: EntityManager,
  data: PlanData,
  kpiIds: Map<string, number>,
  actIds: Map<string, number>,
): Promise<number> {
  const existing = await manager.find(Target, {
    select: { kpiId: true, year: true },
    where: { kpiId: In([...kpiIds.values()]) },
  });
  const seen = new Set(existing.map((t) => `${t.kpiId}|${t.year}`));
  const rows = data.kpis
    .flatMap((k) =>
      k.targets.map((t) => ({
        kpiId: kpiIds.get(k.code)!,
        year: t.year,
        description: t.description,
        items: t.items,
        value: t.value,
        bound: null,
        strict: t.strict ?? false,
        // The plan's targets hold for their whole year.
        effectiveDate: `${t.year}-01-01`,
        actId: actIds.get(t.act)!,
        seedLine: t.seedLine,
      })),
    )
    .filter((t) => !seen.has(`${t.kpiId}|${t.year}`));
  if (rows.length) await manager.insert(Target, rows);
  return rows.length;
}
