import { EntityManager, In } from "typeorm";
import { Act } from "../../../entities/act.entity";
import { ObjectiveStatus, PlanChangeKind, PlanChangeSource } from "../../../entities/enums";
import { ObjectiveYear } from "../../../entities/objective-year.entity";
import { Objective } from "../../../entities/objective.entity";
import { OrgUnit } from "../../../entities/org-unit.entity";
import { AuditEntry } from "../../audit/record-audit";
import { isWithin } from "../../dates";
import { ChangeBasis } from "../../plan/act-basis";
import { loadPlanWith } from "../../plan-data/load-plan";
import { PlanData } from "../../plan-data/plan-data.schema";
import { ImportProblem } from "../problems";
import { italianDate } from "../../italian-format";
import { ObjectiveDraft, PlanWorkbook, UnitDraft } from "../sheets/plan-workbook";
import { ParsedRow } from "../sheets/sheet-rows";
import { OBJECTIVES, UNITS } from "../sheets/template";
import { PlanInForce } from "./plan-and-act";

export interface OrganisationContext extends PlanInForce {
  act: Act;
  effectiveDate: string;
  basis: ChangeBasis;
  who: Pick<AuditEntry, "actor" | "role">;
  fileName: string;
}

/**
 * The Unità and Obiettivi sheets against the plan: new units and objectives are added (each new
 * objective CREATED by the act), those already loaded must be stated as they are, since a sheet
 * renames, moves or reshapes nothing (that takes an act of its own). Every name a row gives (a
 * parent, an owner, a collaborator) must be a unit or objective of the sheet or of the plan.
 */
export async function loadOrganisation(
  manager: EntityManager,
  workbook: PlanWorkbook,
  context: OrganisationContext,
): Promise<{ units: number; objectives: number } | ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const units = await knownUnits(manager, workbook);
  const objectives = await knownObjectives(manager, workbook);
  problems.push(...unitProblems(workbook.units, units.stored));
  problems.push(...objectiveProblems(workbook.objectives, objectives, units, context));
  if (problems.length) return problems;

  const newUnits = workbook.units.filter((u) => !units.stored.has(u.value.code)).map((u) => u.value);
  const newObjectives = parentsFirst(workbook.objectives.filter((o) => !objectives.stored.has(o.value.key)));
  const last = (await manager.maximum(Objective, "position", { planId: context.plan.id })) ?? 0;
  const report = await loadPlanWith(manager, planData(newUnits, newObjectives, last, context), context.who);
  return { units: report.units, objectives: report.objectives };
}

interface KnownUnits {
  stored: Map<string, OrgUnit>;
  sheet: Map<string, UnitDraft>;
}

async function knownUnits(manager: EntityManager, workbook: PlanWorkbook): Promise<KnownUnits> {
  const named = [
    ...workbook.units.flatMap((u) => [u.value.code, u.value.parent]),
    ...workbook.objectives.flatMap((o) => [o.value.owner, ...o.value.collaborators]),
  ].filter((code): code is string => code !== null);
  const stored = named.length ? await manager.findBy(OrgUnit, { code: In([...new Set(named)]) }) : [];
  return {
    stored: new Map(stored.map((u) => [u.code, u])),
    sheet: new Map(workbook.units.map((u) => [u.value.code, u.value])),
  };
}

interface KnownObjectives {
  stored: Map<string, Objective>;
  years: Map<number, number[]>;
  ownerCodes: Map<number, string>;
}

async function knownObjectives(manager: EntityManager, workbook: PlanWorkbook): Promise<KnownObjectives> {
  const keys = workbook.objectives.flatMap((o) => (o.value.parent ? [o.value.key, o.value.parent] : [o.value.key]));
  const stored = keys.length ? await manager.findBy(Objective, { key: In([...new Set(keys)]) }) : [];
  const ids = stored.map((o) => o.id);
  const years = ids.length ? await manager.findBy(ObjectiveYear, { objectiveId: In(ids) }) : [];
  const ownerIds = stored.flatMap((o) => (o.ownerUnitId === null ? [] : [o.ownerUnitId]));
  const owners = ownerIds.length ? await manager.findBy(OrgUnit, { id: In(ownerIds) }) : [];
  const byObjective = new Map<number, number[]>();
  for (const y of years) byObjective.set(y.objectiveId, [...(byObjective.get(y.objectiveId) ?? []), y.year]);
  return {
    stored: new Map(stored.map((o) => [o.key, o])),
    years: byObjective,
    ownerCodes: new Map(owners.map((u) => [u.id, u.code])),
  };
}

function unitProblems(rows: ParsedRow<UnitDraft>[], stored: Map<string, OrgUnit>): ImportProblem[] {
  const c = UNITS.columns;
  const codes = new Set(rows.map((r) => r.value.code));
  return rows.flatMap(({ row, value }) => {
    const at = (column: string, message: string) => ({ sheet: UNITS.name, row, column, message });
    const before = stored.get(value.code);
    const problems: ImportProblem[] = [];
    if (before && before.name !== value.name)
      problems.push(
        at(
          c.name.header,
          `l'unità ${value.code} è già nel piano come «${before.name}»: il foglio non rinomina le unità`,
        ),
      );
    if (before && before.kind !== value.kind)
      problems.push(
        at(c.kind.header, `l'unità ${value.code} è già nel piano con un altro tipo: il foglio non lo cambia`),
      );
    if (value.parent && !codes.has(value.parent) && !stored.has(value.parent))
      problems.push(at(c.parent.header, `l'unità ${value.parent} non esiste: aggiungetela al foglio Unità`));
    return problems;
  });
}

function objectiveProblems(
  rows: ParsedRow<ObjectiveDraft>[],
  known: KnownObjectives,
  units: KnownUnits,
  context: OrganisationContext,
): ImportProblem[] {
  const c = OBJECTIVES.columns;
  const { firstYear, lastYear } = context.plan;
  const keys = new Set(rows.map((r) => r.value.key));
  const unit = (code: string) => units.sheet.get(code) ?? units.stored.get(code);
  return rows.flatMap(({ row, value }) => {
    const problems: ImportProblem[] = [];
    const at = (column: string, message: string) => problems.push({ sheet: OBJECTIVES.name, row, column, message });
    const before = known.stored.get(value.key);
    if (before) {
      const unchanged = "per cambiarlo serve un atto a parte (nuovo titolo, trasferimento): il foglio lo riporta com'è";
      if (before.status !== ObjectiveStatus.ACTIVE)
        at(c.key.header, `l'obiettivo ${value.key} è stato tolto dal piano`);
      if (before.title !== value.title) at(c.title.header, `nel piano il titolo è «${before.title}»: ${unchanged}`);
      if (before.level !== value.level) at(c.level.header, `nel piano il livello è ${before.level}: ${unchanged}`);
      const owner = before.ownerUnitId === null ? null : (known.ownerCodes.get(before.ownerUnitId) ?? null);
      if (owner !== value.owner)
        at(c.owner.header, `nel piano l'unità responsabile è ${owner ?? "nessuna"}: ${unchanged}`);
      const years = [...(known.years.get(before.id) ?? [])].sort().join(", ");
      if (years !== value.years.join(", ")) at(c.years.header, `nel piano gli anni sono ${years}: ${unchanged}`);
      return problems;
    }
    if (value.owner !== null) {
      const owner = unit(value.owner);
      if (!owner) at(c.owner.header, `l'unità ${value.owner} non esiste: aggiungetela al foglio Unità`);
      else if (!isWithin(context.effectiveDate, owner.validFrom, owner.validTo))
        at(
          c.owner.header,
          `l'unità ${value.owner} non è in vigore il ${italianDate(context.effectiveDate)}, quando l'atto crea l'obiettivo`,
        );
    }
    const missing = value.collaborators.filter((code) => !unit(code));
    if (missing.length) at(c.collaborators.header, `unità che non esistono: ${missing.join(", ")}`);
    if (value.parent && !keys.has(value.parent) && !known.stored.has(value.parent))
      at(c.parent.header, `l'obiettivo ${value.parent} non esiste: aggiungetelo al foglio Obiettivi`);
    const outside = value.years.filter((y) => y < firstYear || y > lastYear);
    if (outside.length) at(c.years.header, `${outside.join(", ")} fuori dal piano ${firstYear}-${lastYear}`);
    return problems;
  });
}

/** New objectives in an order where each comes after the new parent it serves. */
function parentsFirst(rows: ParsedRow<ObjectiveDraft>[]): ObjectiveDraft[] {
  const placed = new Set<string>();
  const pending = new Set(rows.map((r) => r.value.key));
  const ordered: ObjectiveDraft[] = [];
  let remaining = rows.map((r) => r.value);
  while (remaining.length) {
    const ready = remaining.filter((o) => !o.parent || !pending.has(o.parent) || placed.has(o.parent));
    // A circle of parents cannot be loaded in any order: the loader names it.
    const next = ready.length ? ready : remaining;
    for (const o of next) placed.add(o.key);
    ordered.push(...next);
    remaining = remaining.filter((o) => !placed.has(o.key));
  }
  return ordered;
}

function planData(
  units: UnitDraft[],
  objectives: ObjectiveDraft[],
  lastPosition: number,
  { administration, plan, act, effectiveDate, basis, fileName }: OrganisationContext,
): PlanData {
  return {
    administration: { code: administration.code, name: administration.name },
    plan: { code: plan.code, title: plan.title, firstYear: plan.firstYear, lastYear: plan.lastYear },
    source: { file: fileName, act: act.key, note: "importato dal foglio delle schede" },
    // Named so the changes find it; it is already recorded, so nothing is inserted.
    acts: [
      {
        key: act.key,
        kind: act.kind,
        number: act.number,
        date: act.date,
        subject: act.subject,
        effect: act.effect,
        effectiveDate: act.effectiveDate,
        seedLine: act.seedLine,
      },
    ],
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent: u.parent,
      predecessor: null,
      validFrom: u.validFrom,
      validTo: u.validTo,
      annexPages: null,
      head: u.head ? { name: u.head, honorific: null, validFrom: u.validFrom } : null,
      seedLine: null,
    })),
    objectives: objectives.map((o, i) => ({
      key: o.key,
      level: o.level,
      heading: o.heading,
      healthGroup: o.healthGroup,
      title: o.title,
      owner: o.owner,
      number: null,
      years: o.years,
      collaborators: o.collaborators,
      unresolvedCollaborators: [],
      parent: o.parent,
      status: ObjectiveStatus.ACTIVE,
      position: lastPosition + i + 1,
      seedLine: null,
    })),
    kpis: [],
    changes: objectives.map((o) => ({
      key: `${act.key}:${PlanChangeKind.CREATED}:${o.key}`,
      act: act.key,
      objective: o.key,
      kind: PlanChangeKind.CREATED,
      reason: basis.reason,
      source: PlanChangeSource.ANNEX,
      from: null,
      to: o.owner,
      oldTitle: null,
      newTitle: null,
      effectiveDate,
      // Like the schede's own changes, an import cites no annex page.
      citations: [],
      note: basis.note,
    })),
    ambiguities: [],
  };
}
