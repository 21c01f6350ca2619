import { DataSource, EntityManager, In } from "typeorm";
import { Act } from "../../entities/act.entity";
import { ObjectiveLevel, ObjectiveStatus, PlanChangeKind, PlanChangeSource } from "../../entities/enums";
import { ObjectiveCollaborator } from "../../entities/objective-collaborator.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { Plan } from "../../entities/plan.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { assertYearsOpen } from "../cycles/cycles";
import { isWithin } from "../dates";
import { actFor, ChangeBasis, onlyPlan } from "./act-basis";
import { invalidInput, notFound } from "../errors";

export interface CreateObjectiveInput extends ChangeBasis {
  level: ObjectiveLevel;
  title: string;
  unitCode: string | null;
  years: number[];
  number: number | null;
  heading: string | null;
  collaboratorCodes: string[];
  parentKey: string | null;
}

export interface TransferObjectiveInput extends ChangeBasis {
  objectiveId: number;
  toUnitCode: string;
}
export interface RenameObjectiveInput extends ChangeBasis {
  objectiveId: number;
  newTitle: string;
}
export interface UpdateObjectiveInput extends ChangeBasis {
  objectiveId: number;
  newTitle: string | null;
  years: number[] | null;
  collaboratorCodes: string[] | null;
}
export interface RemoveObjectiveInput extends ChangeBasis {
  objectiveId: number;
}

/**
 * The plan changes only by acts. Each use case below, in one transaction: finds or records the act,
 * records the PlanChange, updates the objective's current projection, and appends an AuditEvent
 * with the objective before and after. History is never rewritten.
 */
export function createObjective(
  dataSource: DataSource,
  caller: Caller,
  input: CreateObjectiveInput,
): Promise<PlanChange> {
  return dataSource.transaction(async (manager) => {
    const plan = await onlyPlan(manager);
    const { act, effectiveDate } = await actFor(manager, caller, plan, input);
    checkYears(plan, input.years);
    const unit = input.unitCode === null ? null : await unitOn(manager, "unitCode", input.unitCode, effectiveDate);
    if (input.level === ObjectiveLevel.DIREZIONE && unit === null)
      throw invalidInput("unitCode", "an Obiettivo di Direzione needs the directorate that owns it");
    const parent = input.parentKey === null ? null : await manager.findOneBy(Objective, { key: input.parentKey });
    if (input.parentKey !== null && !parent) throw notFound(`The objective "${input.parentKey}"`);
    const collaborators = await unitsByCode(manager, "collaboratorCodes", input.collaboratorCodes);

    const number = input.number ?? (await nextNumber(manager, unit, input.years[0], input.heading));
    const key = objectiveKey(input.level, unit?.code ?? null, input.years[0], input.heading, number);
    if (await manager.existsBy(Objective, { key }))
      throw invalidInput("number", `${key} already exists: choose another number`);
    const position = ((await manager.maximum(Objective, "position", { planId: plan.id })) ?? 0) + 1;
    const inserted = await manager.insert(Objective, {
      planId: plan.id,
      key,
      level: input.level,
      heading: input.heading,
      healthGroup: null,
      title: input.title,
      ownerUnitId: unit?.id ?? null,
      parentId: parent?.id ?? null,
      number,
      status: ObjectiveStatus.ACTIVE,
      position,
      seedLine: null,
      unresolvedCollaborators: [],
    });
    const objective = await manager.findOneByOrFail(Objective, { id: inserted.identifiers[0].id as number });
    await manager.insert(
      ObjectiveYear,
      input.years.map((year) => ({ objectiveId: objective.id, year })),
    );
    if (collaborators.length)
      await manager.insert(
        ObjectiveCollaborator,
        collaborators.map((c) => ({ objectiveId: objective.id, unitId: c.id })),
      );
    return recordChange(manager, caller, act, null, objective, {
      kind: PlanChangeKind.CREATED,
      input,
      effectiveDate,
      fromUnitId: null,
      toUnitId: unit?.id ?? null,
      oldTitle: null,
      newTitle: null,
    });
  });
}

export function transferObjective(
  dataSource: DataSource,
  caller: Caller,
  input: TransferObjectiveInput,
): Promise<PlanChange> {
  return dataSource.transaction(async (manager) => {
    const plan = await onlyPlan(manager);
    const { act, effectiveDate } = await actFor(manager, caller, plan, input);
    const before = await activeObjective(manager, input.objectiveId);
    const to = await unitOn(manager, "toUnitCode", input.toUnitCode, effectiveDate);
    if (before.ownerUnitId === to.id) throw invalidInput("toUnitCode", `${to.name} already owns the objective`);
    await manager.update(Objective, { id: before.id }, { ownerUnitId: to.id });
    return recordChange(manager, caller, act, before, await manager.findOneByOrFail(Objective, { id: before.id }), {
      kind: PlanChangeKind.TRANSFERRED,
      input,
      effectiveDate,
      fromUnitId: before.ownerUnitId,
      toUnitId: to.id,
      oldTitle: null,
      newTitle: null,
    });
  });
}

export function renameObjective(
  dataSource: DataSource,
  caller: Caller,
  input: RenameObjectiveInput,
): Promise<PlanChange> {
  return dataSource.transaction(async (manager) => {
    const plan = await onlyPlan(manager);
    const { act, effectiveDate } = await actFor(manager, caller, plan, input);
    const before = await activeObjective(manager, input.objectiveId);
    if (before.title === input.newTitle) throw invalidInput("newTitle", "is the objective's title already");
    await manager.update(Objective, { id: before.id }, { title: input.newTitle });
    return recordChange(manager, caller, act, before, await manager.findOneByOrFail(Objective, { id: before.id }), {
      kind: PlanChangeKind.RENAMED,
      input,
      effectiveDate,
      fromUnitId: null,
      toUnitId: null,
      oldTitle: before.title,
      newTitle: input.newTitle,
    });
  });
}

export function updateObjective(
  dataSource: DataSource,
  caller: Caller,
  input: UpdateObjectiveInput,
): Promise<PlanChange> {
  return dataSource.transaction(async (manager) => {
    const plan = await onlyPlan(manager);
    const { act, effectiveDate } = await actFor(manager, caller, plan, input);
    const before = await activeObjective(manager, input.objectiveId);
    await assertYearsOpen(manager, [
      ...(await manager.find(ObjectiveYear, { where: { objectiveId: before.id } })).map((y) => y.year),
      ...(input.years ?? []),
    ]);
    if (input.newTitle === null && input.years === null && input.collaboratorCodes === null) {
      throw invalidInput("input", "say what the act updates: newTitle, years or collaboratorCodes");
    }
    if (input.years !== null) {
      checkYears(plan, input.years);
      await manager.delete(ObjectiveYear, { objectiveId: before.id });
      await manager.insert(
        ObjectiveYear,
        input.years.map((year) => ({ objectiveId: before.id, year })),
      );
    }
    if (input.collaboratorCodes !== null) {
      const collaborators = await unitsByCode(manager, "collaboratorCodes", input.collaboratorCodes);
      await manager.delete(ObjectiveCollaborator, { objectiveId: before.id });
      if (collaborators.length)
        await manager.insert(
          ObjectiveCollaborator,
          collaborators.map((c) => ({ objectiveId: before.id, unitId: c.id })),
        );
    }
    if (input.newTitle !== null) await manager.update(Objective, { id: before.id }, { title: input.newTitle });
    return recordChange(manager, caller, act, before, await manager.findOneByOrFail(Objective, { id: before.id }), {
      kind: PlanChangeKind.UPDATED,
      input,
      effectiveDate,
      fromUnitId: null,
      toUnitId: null,
      oldTitle: input.newTitle === null ? null : before.title,
      newTitle: input.newTitle,
    });
  });
}

export function removeObjective(
  dataSource: DataSource,
  caller: Caller,
  input: RemoveObjectiveInput,
): Promise<PlanChange> {
  return dataSource.transaction(async (manager) => {
    const plan = await onlyPlan(manager);
    const { act, effectiveDate } = await actFor(manager, caller, plan, input);
    const before = await activeObjective(manager, input.objectiveId);
    await manager.update(Objective, { id: before.id }, { status: ObjectiveStatus.REMOVED });
    return recordChange(manager, caller, act, before, await manager.findOneByOrFail(Objective, { id: before.id }), {
      kind: PlanChangeKind.REMOVED,
      input,
      effectiveDate,
      fromUnitId: before.ownerUnitId,
      toUnitId: null,
      oldTitle: null,
      newTitle: null,
    });
  });
}

function checkYears(plan: Plan, years: number[]): void {
  if (years.length === 0) throw invalidInput("years", "give at least one year");
  const outside = years.filter((y) => y < plan.firstYear || y > plan.lastYear);
  if (outside.length)
    throw invalidInput("years", `${outside.join(", ")} outside the plan ${plan.firstYear}-${plan.lastYear}`);
}

async function unitOn(manager: EntityManager, field: string, code: string, date: string): Promise<OrgUnit> {
  const unit = await manager.findOneBy(OrgUnit, { code });
  if (!unit) throw notFound(`The organisational unit "${code}"`);
  if (!isWithin(date, unit.validFrom, unit.validTo))
    throw invalidInput(field, `${unit.name} does not exist on ${date}`);
  return unit;
}

async function unitsByCode(manager: EntityManager, field: string, codes: string[]): Promise<OrgUnit[]> {
  const units = codes.length ? await manager.findBy(OrgUnit, { code: In(codes) }) : [];
  const missing = codes.filter((code) => !units.some((u) => u.code === code));
  if (missing.length) throw invalidInput(field, `no unit has the code ${missing.join(", ")}`);
  return units;
}

async function activeObjective(manager: EntityManager, id: number): Promise<Objective> {
  const objective = await manager.findOneBy(Objective, { id });
  if (!objective) throw notFound(`Objective ${id}`);
  if (objective.status !== ObjectiveStatus.ACTIVE)
    throw invalidInput("objectiveId", `objective ${objective.key} was removed from the plan`);
  return objective;
}

async function nextNumber(
  manager: EntityManager,
  unit: OrgUnit | null,
  year: number,
  heading: string | null,
): Promise<number> {
  const query = manager
    .createQueryBuilder(Objective, "o")
    .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year })
    .select("MAX(o.number)", "max");
  if (unit) query.andWhere("o.ownerUnitId = :unitId", { unitId: unit.id });
  else query.andWhere("o.ownerUnitId IS NULL");
  if (heading === null) query.andWhere("o.heading IS NULL");
  else query.andWhere("o.heading = :heading", { heading });
  const { max } = (await query.getRawOne<{ max: number | string | null }>()) ?? { max: null };
  return Number(max ?? 0) + 1;
}

function objectiveKey(
  level: ObjectiveLevel,
  unitCode: string | null,
  year: number,
  heading: string | null,
  number: number,
): string {
  const section =
    heading === null
      ? ""
      : `${heading
          .toUpperCase()
          .replace(/[^A-Z0-9]+/g, "-")
          .replace(/^-|-$/g, "")
          .slice(0, 16)}-`;
  return `${level.slice(0, 3)}-${unitCode ?? "ENTE"}-${year}-${section}${number}`;
}

interface ChangeRow {
  kind: PlanChangeKind;
  input: ChangeBasis;
  effectiveDate: string;
  fromUnitId: number | null;
  toUnitId: number | null;
  oldTitle: string | null;
  newTitle: string | null;
}

async function recordChange(
  manager: EntityManager,
  caller: Caller,
  act: Act,
  before: Objective | null,
  after: Objective,
  row: ChangeRow,
): Promise<PlanChange> {
  // A change to an objective of a closed year would change what that year's bonuses rest on.
  await assertYearsOpen(
    manager,
    (await manager.find(ObjectiveYear, { where: { objectiveId: after.id } })).map((y) => y.year),
  );
  const key = `${act.key}:${row.kind}:${after.key}`;
  if (await manager.existsBy(PlanChange, { key }))
    throw invalidInput("act", `${act.key} already records a ${row.kind} change of ${after.key}`);
  await manager.insert(PlanChange, {
    key,
    actId: act.id,
    objectiveId: after.id,
    kind: row.kind,
    reason: row.input.reason,
    source: PlanChangeSource.ANNEX,
    fromUnitId: row.fromUnitId,
    toUnitId: row.toUnitId,
    oldTitle: row.oldTitle,
    newTitle: row.newTitle,
    effectiveDate: row.effectiveDate,
    citations: row.input.annexPage === null ? [] : [{ page: row.input.annexPage, seedLine: null }],
    note: row.input.note,
  });
  const change = await manager.findOneByOrFail(PlanChange, { key });
  await recordAudit(manager, {
    ...auditedCaller(caller),
    action: `OBJECTIVE_${row.kind}`,
    entityType: "Objective",
    entityId: String(after.id),
    before,
    after: { objective: after, change },
  });
  return change;
}
