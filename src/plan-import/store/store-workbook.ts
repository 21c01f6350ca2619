import { DataSource, EntityManager, In } from "typeorm";
import { ObjectiveStatus } from "../../../entities/enums";
import { Kpi } from "../../../entities/kpi.entity";
import { Objective } from "../../../entities/objective.entity";
import { Phase } from "../../../entities/phase.entity";
import { auditedCaller } from "../../audit/record-audit";
import { Caller } from "../../auth/caller";
import { ensureCycles } from "../../cycles/cycles";
import { DomainError, ErrorCode } from "../../errors";
import { ChangeBasis } from "../../plan/act-basis";
import { applyScheda, SchedaBasis, SchedaChangeSummary, SchedaRejected } from "../../plan/scheda/apply-scheda";
import { ImportProblem, PlanImportRejected } from "../problems";
import { kpiWeightProblems } from "../sheets/check-workbook";
import { PlanWorkbook } from "../sheets/plan-workbook";
import { locateSchedaProblem } from "../sheets/scheda-origins";
import { KPIS } from "../sheets/template";
import { importedElements, PlanImportSummary } from "../summary";
import { loadOrganisation } from "./organisation";
import { actForImport, planFor } from "./plan-and-act";

export interface StoreOptions {
  basis: ChangeBasis;
  dryRun: boolean;
  /** The keys of the jobs that may feed a KPI. */
  jobKeys: readonly string[];
  fileName: string;
}

/** Thrown to roll a dry run back once it has said what it would do. */
class DryRun extends Error {
  constructor(readonly summary: PlanImportSummary) {
    super("dry run");
  }
}

/**
 * Stores a workbook in one transaction: the plan (created from the Ente sheet in an empty
 * database), the act, new units and objectives, then the schede through the same service as the
 * mutations. Any problem rolls everything back and is reported with its sheet, row and column; a
 * dry run does all of it and rolls back too, answering what it would have done.
 */
export async function storeWorkbook(
  dataSource: DataSource,
  caller: Caller,
  workbook: PlanWorkbook,
  options: StoreOptions,
): Promise<PlanImportSummary> {
  try {
    return await dataSource.transaction(async (manager) => {
      const summary = await storeIn(manager, caller, workbook, options);
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}

async function storeIn(
  manager: EntityManager,
  caller: Caller,
  workbook: PlanWorkbook,
  options: StoreOptions,
): Promise<PlanImportSummary> {
  const inForce = await planFor(manager, workbook.ente);
  if (Array.isArray(inForce)) throw new PlanImportRejected(inForce);
  const { plan } = inForce;
  const found = await actForImport(manager, caller, plan, options.basis);
  if ("message" in found) throw new PlanImportRejected([found]);
  const { act, effectiveDate } = found;

  const yearProblems = workbook.targetYears
    .filter(({ year }) => year < plan.firstYear || year > plan.lastYear)
    .map(({ year, header, row }) => ({
      sheet: KPIS.name,
      row,
      column: header,
      message: `il ${year} è fuori dal piano ${plan.firstYear}-${plan.lastYear}: togliete le colonne di quell'anno`,
    }));
  const who = auditedCaller(caller);
  const organisation = await loadOrganisation(manager, workbook, {
    ...inForce,
    act,
    effectiveDate,
    basis: options.basis,
    who,
    fileName: options.fileName,
  });
  if (Array.isArray(organisation) || yearProblems.length)
    throw new PlanImportRejected([...yearProblems, ...(Array.isArray(organisation) ? organisation : [])]);
  if (inForce.created) await ensureCycles(manager);

  const changes = await applySchede(manager, caller, workbook, {
    plan,
    act,
    reason: options.basis.reason,
    effectiveDate,
    note: options.basis.note,
    jobKeys: options.jobKeys,
  });
  return {
    dryRun: options.dryRun,
    actKey: act.key,
    actRecorded: found.recorded,
    elements: importedElements({ planCreated: inForce.created, ...organisation }, changes),
    changes: organisation.objectives + changes.length,
  };
}

async function applySchede(
  manager: EntityManager,
  caller: Caller,
  workbook: PlanWorkbook,
  basis: SchedaBasis,
): Promise<SchedaChangeSummary[]> {
  const kpis = workbook.kpis.map((k) => k.value.kpi);
  const phases = workbook.phases.map((p) => p.value);
  const problems: ImportProblem[] = kpiWeightProblems(workbook.kpis, await kpisLeftOut(manager, kpis));
  const statement = {
    kpis,
    targets: workbook.kpis.flatMap((k) => k.value.targets.map((t) => t.definition)),
    phases,
    removedPhases: await phasesLeftOut(manager, phases),
  };
  try {
    const changes = await applyScheda(manager, caller, basis, statement);
    if (problems.length) throw new PlanImportRejected(problems);
    return changes;
  } catch (error) {
    if (error instanceof SchedaRejected)
      throw new PlanImportRejected([...problems, ...error.problems.map(locateSchedaProblem(workbook))]);
    const refusal = refusalInItalian(error, basis.act.key);
    if (refusal) throw new PlanImportRejected([...problems, refusal]);
    throw error;
  }
}

/** The schede service's refusals beyond its list of problems, said for a planning officer. */
function refusalInItalian(error: unknown, actKey: string): ImportProblem | null {
  if (!(error instanceof DomainError) || error instanceof PlanImportRejected) return null;
  const { code } = error;
  const { years, field } = error.details as { years?: number[]; field?: string };
  const problem = (message: string) => ({ sheet: null, row: null, column: null, message });
  if (code === ErrorCode.CYCLE_CLOSED)
    return problem(
      `la valutazione del ${(years ?? []).join(", ")} è chiusa: per cambiarne le schede serve prima l'atto che la riapre`,
    );
  if (code === ErrorCode.INVALID_INPUT && field === "act")
    return problem(
      `l'atto ${actKey} ha già cambiato uno di questi elementi: un ulteriore cambiamento va dichiarato con un altro atto`,
    );
  return null;
}

/** The KPIs in force of the objectives the sheet names that the sheet does not list. */
async function kpisLeftOut(manager: EntityManager, kpis: ReadonlyArray<{ objectiveKey: string; code: string }>) {
  const keys = [...new Set(kpis.map((k) => k.objectiveKey))];
  if (keys.length === 0) return [];
  const objectives = await manager.findBy(Objective, { key: In(keys) });
  const keyOf = new Map(objectives.map((o) => [o.id, o.key]));
  const listed = new Set(kpis.map((k) => k.code));
  const stored = objectives.length ? await manager.findBy(Kpi, { objectiveId: In([...keyOf.keys()]) }) : [];
  return stored
    .filter((k) => !listed.has(k.code))
    .map((k) => ({ objectiveKey: keyOf.get(k.objectiveId)!, code: k.code, weight: k.weight }));
}

/** The sheet is the whole cronoprogramma of the objectives it names: their other phases in force go. */
async function phasesLeftOut(manager: EntityManager, phases: ReadonlyArray<{ objectiveKey: string; code: string }>) {
  const keys = [...new Set(phases.map((p) => p.objectiveKey))];
  if (keys.length === 0) return [];
  const objectives = await manager.findBy(Objective, { key: In(keys) });
  if (objectives.length === 0) return [];
  const listed = new Set(phases.map((p) => p.code));
  const stored = await manager.findBy(Phase, {
    objectiveId: In(objectives.map((o) => o.id)),
    status: ObjectiveStatus.ACTIVE,
  });
  return stored.filter((p) => !listed.has(p.code)).map((p) => p.code);
}
