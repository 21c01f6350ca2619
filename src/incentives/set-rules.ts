import { DataSource, EntityManager } from "typeorm";
import { ObjectiveLevel, ObjectiveStatus } from "../../entities/enums";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { requireAct } from "../cycles/acts";
import { assertYearsOpen } from "../cycles/cycles";
import { DomainError, ErrorCode, invalidInput } from "../errors";
import { isUniqueViolation } from "../storage/unique-violation";
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
 * The rules given over the defaults, checked key by key: anything but an object of rule keys (a
 * string, a list) is refused, and each refusal names its key path, such as `rules.differentiation.uplift`.
 */
function readRules(given: unknown): RuleSet {
  if (typeof given !== "object" || given === null || Array.isArray(given))
    throw invalidInput(
      "rules",
      `deve essere un oggetto con le chiavi delle regole (${Object.keys(DEFAULT_RULES).join(", ")}), per esempio { threshold: 0.6 }`,
    );
  const parsed = ruleSetSchema.safeParse({ ...DEFAULT_RULES, ...given });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => {
    const at = ["rules", ...issue.path.map(String)];
    return issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...at, key].join("."), message: "non è una chiave delle regole" }))
      : [{ path: at.join("."), message: issue.message }];
  });
  throw new DomainError(ErrorCode.INVALID_INPUT, problems.map((p) => `${p.path}: ${p.message}`).join("; "), {
    field: problems[0].path,
  });
}

/**
 * Sets a new version of a year's incentive rules by a recorded act; keys left out keep the
 * defaults. Each fund cites its own recorded act. Refused once the year is validated. Audited.
 */
export function setIncentiveRules(
  dataSource: DataSource,
  caller: Caller,
  input: { year: number; actKey: string; rules: unknown },
): Promise<IncentiveRuleSet> {
  const { year, actKey } = input;
  if (!ACT_KEY.test(actKey)) throw invalidInput("actKey", "must be the act's key, such as GC-123-2020");
  const rules = readRules(input.rules);
  return withNextVersion(() => saveVersion(dataSource, caller, year, actKey, rules));
}

/** How often a rule set that lost the race for a version number tries the next one. */
const VERSION_ATTEMPTS = 8;

/**
 * Runs the save again, in a new transaction that sees the winner's version, when another rule set
 * of the year took the number (the unique year and version); a loser is saved as the next version,
 * as it would have been had it come after. Past the attempts, a conflict the caller can act on.
 */
async function withNextVersion(save: () => Promise<IncentiveRuleSet>): Promise<IncentiveRuleSet> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await save();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt === VERSION_ATTEMPTS)
        throw invalidInput(
          "year",
          "altre versioni delle regole dell'anno sono state registrate nello stesso momento: inviarla di nuovo",
        );
    }
  }
}

function saveVersion(
  dataSource: DataSource,
  caller: Caller,
  year: number,
  actKey: string,
  rules: RuleSet,
): Promise<IncentiveRuleSet> {
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
