import { DataSource, EntityManager } from "typeorm";
import { ObjectiveLevel, OrgUnitKind, ReviewDecision } from "../../entities/enums";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Review } from "../../entities/review.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { invalidInput, notFound } from "../errors";
import { yearBounds } from "../periods";
import { assertYearsOpen, requireCycle } from "./cycles";
import { isRealSentence } from "./sentence";

export interface ReviewInput {
  year: number;
  objectiveKey: string | null;
  unitCode: string | null;
  /** A decision on the Solidale gate as a whole: whether it is reached. */
  gateOpen: boolean | null;
  decision: ReviewDecision;
  score: number | null;
  comment: string | null;
}

/** The unit a review names: one that existed in the year and is scored (a directorate, not an area). */
async function reviewedUnit(manager: EntityManager, code: string, year: number): Promise<OrgUnit> {
  const unit = await manager.findOneBy(OrgUnit, { code });
  if (!unit) throw notFound(`The organisational unit "${code}"`);
  const { start, end } = yearBounds(year);
  if ((unit.validFrom !== null && unit.validFrom > end) || (unit.validTo !== null && unit.validTo < start))
    throw invalidInput("unitCode", `${code} did not exist in ${year}`);
  if (unit.kind === OrgUnitKind.AREA)
    throw invalidInput("unitCode", `${code} is an area: attainment is scored for its directorate`);
  return unit;
}

/** The objective a review names, with the unit where it is scored per unit (a Gestionale), and only there. */
async function reviewedObjective(manager: EntityManager, input: ReviewInput) {
  const objective = await manager.findOneBy(Objective, { key: input.objectiveKey! });
  if (!objective) throw notFound(`The objective "${input.objectiveKey}"`);
  const perUnit = objective.level === ObjectiveLevel.GESTIONALE;
  if (perUnit && input.unitCode === null)
    throw invalidInput("unitCode", `${objective.key} is scored per directorate: name the directorate reviewed`);
  if (!perUnit && input.unitCode !== null)
    throw invalidInput(
      "unitCode",
      `${objective.key} is scored ${objective.level === ObjectiveLevel.DIREZIONE ? "for its owner" : "for the administration as a whole"}: review it without a unit`,
    );
  return { objective, unit: perUnit ? await reviewedUnit(manager, input.unitCode!, input.year) : null };
}

/** What a decision must carry: an override its score (or the gate's outcome) and a justification; every comment a sentence. */
function checkDecision(input: ReviewInput): void {
  const onGate = input.gateOpen !== null;
  if (onGate && (input.objectiveKey !== null || input.unitCode !== null))
    throw invalidInput("gateOpen", "a decision on the gate names no objective and no unit");
  if (!onGate && input.objectiveKey === null && input.unitCode === null)
    throw invalidInput("objectiveKey", "review an objective (objectiveKey), a unit (unitCode) or the gate (gateOpen)");
  if (onGate && input.decision !== ReviewDecision.OVERRIDDEN)
    throw invalidInput(
      "decision",
      "the Nucleo decides on the gate by overriding it (gateOpen, with its justification)",
    );
  if (
    input.decision === ReviewDecision.OVERRIDDEN &&
    !onGate &&
    (input.score === null || input.score < 0 || input.score > 1)
  )
    throw invalidInput("score", "an override sets a score between 0 and 1");
  if ((input.decision !== ReviewDecision.OVERRIDDEN || onGate) && input.score !== null)
    throw invalidInput("score", "only an override of an objective or a unit sets a score");
  const needsComment = input.decision !== ReviewDecision.VALIDATED;
  if ((needsComment || input.comment !== null) && !isRealSentence(input.comment))
    throw invalidInput(
      "comment",
      input.decision === ReviewDecision.CONTESTED
        ? "a contested attainment needs the Nucleo's comments, in a sentence"
        : input.decision === ReviewDecision.OVERRIDDEN
          ? "an override needs its justification, in a sentence"
          : "a comment must be a sentence, or left out",
    );
}

/**
 * Records a decision of the Nucleo di Valutazione on an objective (a Gestionale in one directorate),
 * a unit's Obiettivi di Direzione, or the Solidale gate. Decisions are never overwritten: a later
 * one is a new row, and the computed value stays shown beside it.
 */
export function recordReview(
  dataSource: DataSource,
  caller: Caller,
  input: ReviewInput,
  now = new Date(),
): Promise<Review> {
  return dataSource.transaction(async (manager) => {
    checkDecision(input);
    await requireCycle(manager, input.year);
    await assertYearsOpen(manager, [input.year]);
    const { objective, unit } =
      input.objectiveKey !== null
        ? await reviewedObjective(manager, input)
        : {
            objective: null,
            unit: input.unitCode === null ? null : await reviewedUnit(manager, input.unitCode, input.year),
          };
    const result = await manager.insert(Review, {
      year: input.year,
      objectiveId: objective?.id ?? null,
      unitId: unit?.id ?? null,
      gateOpen: input.gateOpen,
      decision: input.decision,
      score: input.score,
      comment: input.comment,
      decidedBy: auditedCaller(caller).actor,
      decidedAt: now,
    });
    const review = await manager.findOneByOrFail(Review, { id: result.identifiers[0].id as number });
    await recordAudit(
      manager,
      {
        ...auditedCaller(caller),
        action: `REVIEW_${input.decision}`,
        entityType: "Review",
        entityId: String(review.id),
        before: null,
        after: review,
      },
      now,
    );
    return review;
  });
}
