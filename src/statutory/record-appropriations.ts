import { DataSource } from "typeorm";
import { AppropriationBase } from "../../entities/appropriation-base.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { requireAct } from "../cycles/acts";
import { invalidInput } from "../errors";
import { ACT_KEY } from "../incentives/rule-set";

const EUROS = /^\d{1,13}(\.\d{1,2})?$/;

/**
 * Records the year's appropriations for goods and services, the base of the Fondo di Garanzia
 * Debiti Commerciali, citing the recorded act they come from (the budget or its variation). A
 * new record for the year is in force from then on; the earlier ones stay (the table refuses
 * UPDATE and DELETE). Audited.
 */
export function recordAppropriations(
  dataSource: DataSource,
  caller: Caller,
  input: { year: number; amount: string; actKey: string },
  now = new Date(),
): Promise<AppropriationBase> {
  const amount = input.amount.trim();
  if (!EUROS.test(amount))
    throw invalidInput("amount", `"${amount.slice(0, 40)}" is not an amount in euros to the cent, such as 1250000.00`);
  if (!ACT_KEY.test(input.actKey)) throw invalidInput("actKey", "must be the act's key, such as CC-12-2019");
  return dataSource.transaction(async (manager) => {
    const act = await requireAct(manager, input.actKey, "actKey");
    const who = auditedCaller(caller);
    const [whole, cents = ""] = amount.split(".");
    const result = await manager.insert(AppropriationBase, {
      year: input.year,
      amount: `${whole}.${cents.padEnd(2, "0")}`,
      actId: act.id,
      recordedBy: who.actor,
      recordedAt: now,
    });
    const recorded = await manager.findOneByOrFail(AppropriationBase, { id: result.identifiers[0].id as number });
    await recordAudit(
      manager,
      {
        ...who,
        action: "APPROPRIATIONS_RECORDED",
        entityType: "AppropriationBase",
        entityId: String(recorded.id),
        before: null,
        after: recorded,
      },
      now,
    );
    return recorded;
  });
}

/** The year's base in force: the latest recorded; null when none is. */
export function appropriationsInForce(dataSource: DataSource, year: number): Promise<AppropriationBase | null> {
  return dataSource.manager.findOne(AppropriationBase, { where: { year }, order: { id: "DESC" } });
}
