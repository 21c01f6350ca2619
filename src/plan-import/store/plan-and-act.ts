import { EntityManager } from "typeorm";
import { Act } from "../../../entities/act.entity";
import { Administration } from "../../../entities/administration.entity";
import { Plan } from "../../../entities/plan.entity";
import { Caller } from "../../auth/caller";
import { actFor, actKey, ChangeBasis } from "../../plan/act-basis";
import { ensureOne } from "../../plan-data/insert-missing";
import { ImportProblem } from "../problems";
import { italianDate } from "../../italian-format";
import { EnteDraft } from "../sheets/plan-workbook";
import { ParsedRow } from "../sheets/sheet-rows";
import { ENTE } from "../sheets/template";

export interface PlanInForce {
  plan: Plan;
  administration: Administration;
  created: boolean;
}

/**
 * The plan the workbook details: the one in the database (the Ente sheet, if any, must name it:
 * one administration and one plan per database), or in an empty database the one the Ente sheet
 * describes, created here.
 */
export async function planFor(
  manager: EntityManager,
  ente: ParsedRow<EnteDraft> | null,
): Promise<PlanInForce | ImportProblem[]> {
  const plans = await manager.find(Plan, { take: 2 });
  const problem = (column: string | null, message: string) => [
    { sheet: ENTE.name, row: ente?.row ?? null, column, message },
  ];
  if (plans.length > 1) return problem(null, "il database contiene più piani: l'importazione non sa a quale andare");
  if (plans.length === 0) {
    if (!ente)
      return problem(null, "il database non ha ancora un piano: aggiungete il foglio Ente con l'ente e il suo piano");
    const administration = await ensureOne(
      manager,
      Administration,
      { code: ente.value.administration.code },
      ente.value.administration,
    );
    const plan = await ensureOne(
      manager,
      Plan,
      { code: ente.value.plan.code },
      { ...ente.value.plan, administrationId: administration.id },
    );
    return { plan, administration, created: true };
  }
  const plan = plans[0];
  const administration = await manager.findOneByOrFail(Administration, { id: plan.administrationId });
  if (!ente) return { plan, administration, created: false };
  const c = ENTE.columns;
  const differences: Array<[string, string | number, string | number]> = [
    [c.adminCode.header, ente.value.administration.code, administration.code],
    [c.adminName.header, ente.value.administration.name, administration.name],
    [c.planCode.header, ente.value.plan.code, plan.code],
    [c.planTitle.header, ente.value.plan.title, plan.title],
    [c.firstYear.header, ente.value.plan.firstYear, plan.firstYear],
    [c.lastYear.header, ente.value.plan.lastYear, plan.lastYear],
  ];
  const problems = differences
    .filter(([, stated, stored]) => stated !== stored)
    .flatMap(([column, stated, stored]) =>
      problem(
        column,
        `qui «${stated}», nel database «${stored}»: un database tiene un solo ente e il suo piano, e il foglio Ente deve dire quello già caricato (o va tolto)`,
      ),
    );
  return problems.length ? problems : { plan, administration, created: false };
}

/**
 * The act the import rests on, recorded if new; refused in words a planning officer reads when it
 * is not recorded and no subject is given, has another date, or takes effect outside the plan.
 */
export async function actForImport(
  manager: EntityManager,
  caller: Caller,
  plan: Plan,
  basis: ChangeBasis,
): Promise<{ act: Act; effectiveDate: string; recorded: boolean } | ImportProblem> {
  const { kind, number, date, subject } = basis.act;
  const key = actKey(kind, number, date);
  const problem = (message: string): ImportProblem => ({ sheet: null, row: null, column: null, message });
  const existing = await manager.findOneBy(Act, { key });
  if (existing && existing.date !== date)
    return problem(
      `l'atto ${key} è del ${italianDate(existing.date)}, non del ${italianDate(date)}: correggete la data`,
    );
  if (!existing && !subject)
    return problem(`l'atto ${key} non è registrato: indicatene l'oggetto (subject) perché l'importazione lo registri`);
  const effectiveDate = basis.effectiveDate ?? date;
  const year = Number(effectiveDate.slice(0, 4));
  if (year < plan.firstYear || year > plan.lastYear + 1)
    return problem(
      `la data di efficacia ${italianDate(effectiveDate)} è fuori dal piano ${plan.firstYear}-${plan.lastYear}`,
    );
  return { ...(await actFor(manager, caller, plan, basis)), recorded: !existing };
}
