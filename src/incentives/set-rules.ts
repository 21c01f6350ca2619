import { DataSource, EntityManager } from "typeorm";
import { ObjectiveLevel, ObjectiveStatus } from "../../entities/enums";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { requireAct } from "../cycles/acts";
import { assertYearsOpen } from "../cycles/cycles";
import { invalidInput } from "../errors";
import { ACT_KEY, DEFAULT_RULES, fundsOf, RuleSet, ruleSetSchema } from "./rule-set";

/** WEIGHTED_MEAN's weights must name each Obiettivo Solidale of the year, and nothing else: no silent 0. */
async function checkGateWeights(manager: EntityManager, year: number, rules: RuleSet): Promise<void> {
  const weights = rules.gate.weights;
  if (weights === null) return;
  const solidali = (
    await manager
      .createQueryBuilder(Objective, "o")
      .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year })
      .where("o.level = :level AND o.status = :status", {
        level: ObjectiveLevel.SOLIDALE,
        status: ObjectiveStatus.ACTIVE,
      })
      .getMany()
  ).map((o) => o.key);
  const missing = solidali.filter((key) => !(key in weights));
  const unknown = Object.keys(weights).filter((key) => !solidali.includes(key));
  if (missing.length || unknown.length)
    throw invalidInput(
      "rules",
      `gate.weights must weigh each Obiettivo Solidale of ${year} (${solidali.join(", ")})${missing.length ? `; missing ${missing.join(", ")}` : ""}${unknown.length ? `; not a Solidale of ${year}: ${unknown.join(", ")}` : ""}`,
    );
}

/**
 * Sets a new version of a year's incentive rules by a recorded act; keys left out keep the
 * defaults. Each fund cites its own recorded act. Refused once the year is validated. Audited.
 */
export function setIncentiveRules(
  dataSource: DataSource,
  caller: Caller,
  input: { year: number; actKey: string; rules: Record<string, unknown> },
): Promise<IncentiveRuleSet> {
  const { year, actKey } = input;
  if (!ACT_KEY.test(actKey)) throw invalidInput("actKey", "must be the act's key, such as GC-123-2020");
  const parsed = ruleSetSchema.safeParse({ ...DEFAULT_RULES, ...input.rules });
  if (!parsed.success)
    throw invalidInput("rules", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const rules = parsed.data;
  return dataSource.transaction(async (manager) => {
    await assertYearsOpen(manager, [year]);
    await requireAct(manager, actKey, "actKey");
    for (const [category, fund] of fundsOf(rules))
      await requireAct(manager, fund.actKey, `rules.funds.${category}.actKey`);
    await checkGateWeights(manager, year, rules);
    const version = ((await manager.maximum(IncentiveRuleSet, "version", { year })) ?? 0) + 1;
    const who = auditedCaller(caller);
    await manager.insert(IncentiveRuleSet, {
      year,
      version,
      actKey,
      rules,
      createdAt: new Date(),
      createdBy: who.actor,
    });
    const set = await manager.findOneByOrFail(IncentiveRuleSet, { year, version });
    await recordAudit(manager, {
      ...who,
      action: "INCENTIVE_RULES_SET",
      entityType: "IncentiveRuleSet",
      entityId: String(set.id),
      before: null,
      after: set,
    });
    return set;
  });
}
