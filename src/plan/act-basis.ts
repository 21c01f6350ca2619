import { EntityManager } from "typeorm";
import { Act } from "../../entities/act.entity";
import { ActEffect, ActKind, PlanChangeReason } from "../../entities/enums";
import { Plan } from "../../entities/plan.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { invalidInput } from "../errors";

/** The act a change rests on: found by kind, number and year, or recorded if new. */
export interface ActReference {
  kind: ActKind;
  number: string;
  date: string;
  subject: string | null;
}

export interface ChangeBasis {
  act: ActReference;
  reason: PlanChangeReason;
  /** Defaults to the act's date. */
  effectiveDate: string | null;
  annexPage: number | null;
  note: string | null;
}

const ACT_PREFIX: Record<ActKind, string> = {
  [ActKind.GIUNTA_RESOLUTION]: "GC",
  [ActKind.COUNCIL_RESOLUTION]: "CC",
  [ActKind.DG_DETERMINATION]: "DDG",
  [ActKind.MAYORAL_DECREE]: "DS",
  [ActKind.EVALUATION_BOARD_MINUTES]: "NV",
  [ActKind.COLLECTIVE_AGREEMENT]: "CCDI",
};

/** Acts key as GC-2187-2019: the kind's prefix, the number, the year. */
export const actKey = (kind: ActKind, number: string, date: string) =>
  `${ACT_PREFIX[kind]}-${number}-${date.slice(0, 4)}`;

/** The plan a change applies to: one administration and one plan per database for now. */
export async function onlyPlan(manager: EntityManager): Promise<Plan> {
  const plans = await manager.find(Plan, { take: 2 });
  if (plans.length !== 1)
    throw invalidInput(
      "plan",
      plans.length === 0 ? "no plan is loaded" : "several plans are loaded: this change cannot tell which",
    );
  return plans[0];
}

/** The act a change rests on, recorded (and audited) if new, and the day the change takes effect. */
export async function actFor(
  manager: EntityManager,
  caller: Caller,
  plan: Plan,
  basis: ChangeBasis,
): Promise<{ act: Act; effectiveDate: string }> {
  const { kind, number, date, subject } = basis.act;
  const key = actKey(kind, number, date);
  let act = await manager.findOneBy(Act, { key });
  if (act && act.date !== date) throw invalidInput("act.date", `${key} is dated ${act.date}, not ${date}`);
  if (!act) {
    if (!subject) throw invalidInput("act.subject", `act ${key} is not recorded yet: give its subject`);
    await manager.insert(Act, {
      planId: plan.id,
      key,
      kind,
      number,
      date,
      subject,
      effect: ActEffect.AMENDS_PLAN,
      effectiveDate: null,
      seedLine: null,
    });
    act = await manager.findOneByOrFail(Act, { key });
    await recordAudit(manager, {
      ...auditedCaller(caller),
      action: "ACT_RECORDED",
      entityType: "Act",
      entityId: String(act.id),
      before: null,
      after: act,
    });
  }
  const effectiveDate = basis.effectiveDate ?? date;
  const year = Number(effectiveDate.slice(0, 4));
  if (year < plan.firstYear || year > plan.lastYear + 1) {
    throw invalidInput("effectiveDate", `${effectiveDate} is outside the plan ${plan.firstYear}-${plan.lastYear}`);
  }
  return { act, effectiveDate };
}
