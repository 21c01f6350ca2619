import { EntityManager } from "typeorm";
import { Act } from "../../../entities/act.entity";
import { ObjectiveStatus, PlanChangeKind, PlanChangeReason, PlanElement } from "../../../entities/enums";
import { FieldChange } from "../../../entities/plan-change.entity";
import { Plan } from "../../../entities/plan.entity";
import { Caller } from "../../auth/caller";
import { assertYearsOpen } from "../../cycles/cycles";
import { DomainError, ErrorCode } from "../../errors";
import { currentScheda } from "./current-scheda";
import {
  KPI_FIELDS,
  KpiDefinition,
  PHASE_FIELDS,
  PhaseDefinition,
  TARGET_FIELDS,
  TargetDefinition,
  targetKey,
} from "./scheda";
import { fieldChanges } from "./scheda-diff";
import { kpiProblems, phaseProblems, SchedaProblem, targetProblems } from "./scheda-rules";
import { ElementChange, recordElementChanges, writeElements } from "./write-scheda";

/** What an act states about the schede: every element it sets, and the phases it takes out. */
export interface SchedaStatement {
  kpis: KpiDefinition[];
  targets: TargetDefinition[];
  phases: PhaseDefinition[];
  removedPhases: string[];
}

export interface SchedaBasis {
  plan: Plan;
  act: Act;
  reason: PlanChangeReason;
  effectiveDate: string;
  note: string | null;
  /** The keys of the jobs that may feed a KPI. */
  jobKeys: readonly string[];
}

/** One element the act changed, as recorded. */
export interface SchedaChangeSummary {
  element: PlanElement;
  key: string;
  kind: PlanChangeKind;
  fields: FieldChange[];
}

/** The statement could not be applied: every problem found, each naming its element and field. */
export class SchedaRejected extends DomainError {
  constructor(readonly problems: SchedaProblem[]) {
    super(
      ErrorCode.INVALID_INPUT,
      `${problems.length} problem(s) in the schede: ${problems
        .slice(0, 5)
        .map((p) => `${p.key} ${p.field}: ${p.message}`)
        .join("; ")}`,
      { problems },
    );
  }
}

const kind = (before: unknown) => (before ? PlanChangeKind.UPDATED : PlanChangeKind.CREATED);
const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Applies what an act states about the schede, in the caller's transaction: each element that
 * differs from what is in force is created or changed (a target by a new row in force from the
 * effective date, so the earlier one stays), and recorded as a plan change naming the element and
 * each field before and after, with an audit event. Elements equal to what is in force change
 * nothing. Any problem refuses the whole statement, with every problem listed.
 */
export async function applyScheda(
  manager: EntityManager,
  caller: Caller,
  basis: SchedaBasis,
  statement: SchedaStatement,
  now = new Date(),
): Promise<SchedaChangeSummary[]> {
  const current = await currentScheda(manager, statement);
  const problems: SchedaProblem[] = [];
  const changes: ElementChange[] = [];
  const checkObjective = (objectiveKey: string, key: string) => {
    const objective = current.objectives.get(objectiveKey);
    if (!objective)
      problems.push({ key, field: "objectiveKey", message: `l'obiettivo ${objectiveKey} non esiste nel piano` });
    else if (objective.status !== ObjectiveStatus.ACTIVE)
      problems.push({ key, field: "objectiveKey", message: `l'obiettivo ${objectiveKey} è stato rimosso dal piano` });
  };

  const stated = new Map(statement.kpis.map((k) => [k.code, k]));
  for (const kpi of statement.kpis) {
    checkObjective(kpi.objectiveKey, kpi.code);
    problems.push(...kpiProblems(kpi, basis.jobKeys));
    const before = current.kpis.get(kpi.code) ?? null;
    if (before && before.objectiveKey !== kpi.objectiveKey)
      problems.push({
        key: kpi.code,
        field: "code",
        message: `il codice è già di un indicatore dell'obiettivo ${before.objectiveKey}`,
      });
    const fields = fieldChanges(before, kpi, KPI_FIELDS);
    if (fields.length)
      changes.push({
        element: PlanElement.KPI,
        key: kpi.code,
        kind: kind(before),
        fields,
        objectiveKey: kpi.objectiveKey,
        before,
        after: kpi,
      });
  }

  for (const target of statement.targets) {
    const key = targetKey(target.kpiCode, target.year);
    const kpi = stated.get(target.kpiCode) ?? current.kpis.get(target.kpiCode);
    if (!kpi) {
      problems.push({ key, field: "kpiCode", message: `l'indicatore ${target.kpiCode} non esiste` });
      continue;
    }
    // An objective not in the plan is reported once, with its KPI, not again for each year.
    const known = current.objectives.has(kpi.objectiveKey);
    if (known && !(current.years.get(kpi.objectiveKey) ?? []).includes(target.year))
      problems.push({ key, field: "year", message: `l'obiettivo ${kpi.objectiveKey} non vale per il ${target.year}` });
    problems.push(...targetProblems(target, kpi.direction));
    const before = current.targets.get(key) ?? null;
    const fields = fieldChanges(before?.definition ?? null, target, TARGET_FIELDS);
    if (!fields.length) continue;
    if (before && before.effectiveDate >= basis.effectiveDate)
      problems.push({
        key,
        field: "effectiveDate",
        message: `il target in vigore vale dal ${before.effectiveDate}: l'atto che lo cambia deve valere da un giorno successivo`,
      });
    changes.push({
      element: PlanElement.TARGET,
      key,
      kind: kind(before),
      fields,
      objectiveKey: kpi.objectiveKey,
      before: before?.definition ?? null,
      after: target,
    });
  }

  for (const phase of statement.phases) {
    checkObjective(phase.objectiveKey, phase.code);
    problems.push(...phaseProblems(phase, basis.plan.firstYear, basis.plan.lastYear));
    const before = current.phases.get(phase.code) ?? null;
    if (before && before.objectiveKey !== phase.objectiveKey)
      problems.push({
        key: phase.code,
        field: "code",
        message: `il codice è già di una fase dell'obiettivo ${before.objectiveKey}`,
      });
    const inForce = before?.status === ObjectiveStatus.ACTIVE ? before.definition : null;
    const fields = fieldChanges(inForce, phase, PHASE_FIELDS);
    if (fields.length)
      changes.push({
        element: PlanElement.PHASE,
        key: phase.code,
        kind: kind(before),
        fields,
        objectiveKey: phase.objectiveKey,
        before: inForce,
        after: phase,
      });
  }
  for (const code of statement.removedPhases) {
    const before = current.phases.get(code);
    if (!before) problems.push({ key: code, field: "code", message: `la fase ${code} non esiste` });
    else if (before.status === ObjectiveStatus.ACTIVE)
      changes.push({
        element: PlanElement.PHASE,
        key: code,
        kind: PlanChangeKind.REMOVED,
        fields: [],
        objectiveKey: before.objectiveKey,
        before: before.definition,
        after: null,
      });
  }
  if (problems.length) throw new SchedaRejected(problems);

  // A scheda of a closed year would change what that year's bonuses rest on.
  await assertYearsOpen(
    manager,
    changes.flatMap((c) => affectedYears(c, current.years.get(c.objectiveKey) ?? [])),
  );
  await writeElements(manager, basis, changes, current);
  await recordElementChanges(manager, caller, basis, changes, current, now);
  return changes.map(({ element, key, kind, fields }) => ({ element, key, kind, fields }));
}

/** The years whose scores a change can move. */
function affectedYears(change: ElementChange, objectiveYears: number[]): number[] {
  switch (change.element) {
    case PlanElement.KPI:
      return objectiveYears;
    case PlanElement.TARGET:
      return [change.after.year];
    default:
      return [change.before, change.after].flatMap((p) => (p ? [yearOf(p.plannedDate)] : []));
  }
}
