import { DataSource, EntityManager } from "typeorm";
import { Act } from "../../entities/act.entity";
import { ActEffect, ActKind, Role } from "../../entities/enums";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { DomainError, ErrorCode, invalidInput } from "../errors";
import { actKey, onlyPlan } from "../plan/act-basis";
import { isRealSentence } from "./sentence";

export interface ActInput {
  kind: ActKind;
  number: string;
  date: string;
  subject: string;
}

/** The Nucleo records its own minutes; an administrator every other act. */
const RECORDED_BY = (kind: ActKind) => (kind === ActKind.EVALUATION_BOARD_MINUTES ? Role.EVALUATION_BOARD : Role.ADMIN);

/**
 * Records an act a year's evaluation rests on (the Nucleo's validation or sending back, the act
 * that sets the incentive rules or a fund, the act that reopens a year), so that moves and rules
 * can cite it by key. Recording the same act again answers it unchanged. Audited.
 */
export function recordAct(dataSource: DataSource, caller: Caller, input: ActInput, now = new Date()): Promise<Act> {
  return dataSource.transaction(async (manager) => {
    const role = RECORDED_BY(input.kind);
    if (!caller.roles.includes(role))
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `Forbidden: recording an act of kind ${input.kind} needs the role ${role}`,
        {
          requiredRoles: [role],
        },
      );
    if (!isRealSentence(input.subject))
      throw invalidInput("subject", "say what the act is about in a sentence, such as its title");
    const key = actKey(input.kind, input.number, input.date);
    const existing = await manager.findOneBy(Act, { key });
    if (existing) {
      if (existing.date !== input.date)
        throw invalidInput("date", `${key} is dated ${existing.date}, not ${input.date}`);
      return existing;
    }
    await manager.insert(Act, {
      planId: (await onlyPlan(manager)).id,
      key,
      kind: input.kind,
      number: input.number,
      date: input.date,
      subject: input.subject.trim(),
      effect: ActEffect.RULES_EVALUATION,
      effectiveDate: null,
      seedLine: null,
    });
    const act = await manager.findOneByOrFail(Act, { key });
    await recordAudit(
      manager,
      {
        ...auditedCaller(caller),
        action: "ACT_RECORDED",
        entityType: "Act",
        entityId: String(act.id),
        before: null,
        after: act,
      },
      now,
    );
    return act;
  });
}

/** The recorded act a write cites, of one of the kinds it needs; an unknown key is refused. */
export async function requireAct(
  manager: EntityManager,
  key: string,
  field: string,
  kinds: readonly ActKind[] | null = null,
): Promise<Act> {
  const act = await manager.findOneBy(Act, { key });
  if (!act)
    throw invalidInput(field, `no act ${key} is recorded: record it first (recordAct: kind, number, date, subject)`);
  if (kinds && !kinds.includes(act.kind))
    throw invalidInput(field, `${key} is a ${act.kind}; this needs an act of kind ${kinds.join(" or ")}`);
  return act;
}
