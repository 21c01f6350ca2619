import { DataSource } from "typeorm";
import { CycleStatus, ReviewDecision } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Review } from "../../entities/review.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { invalidInput, notFound } from "../errors";
import { assertYearsOpen } from "./cycles";

export interface ReviewInput {
  year: number;
  objectiveKey: string | null;
  unitCode: string | null;
  decision: ReviewDecision;
  score: number | null;
  comment: string | null;
}

/**
 * Records a decision of the Nucleo di Valutazione. Decisions are never overwritten: a later one is a
 * new row, and the computed value stays shown beside it.
 */
export function recordReview(
  dataSource: DataSource,
  caller: Caller,
  input: ReviewInput,
  now = new Date(),
): Promise<Review> {
  return dataSource.transaction(async (manager) => {
    if ((input.objectiveKey === null) === (input.unitCode === null))
      throw invalidInput("objectiveKey", "review either an objective (objectiveKey) or a unit (unitCode)");
    if (input.decision === ReviewDecision.CONTESTED && !input.comment)
      throw invalidInput("comment", "a contested attainment needs the Nucleo's comments");
    if (input.decision === ReviewDecision.OVERRIDDEN) {
      if (input.score === null || input.score < 0 || input.score > 1)
        throw invalidInput("score", "an override sets a score between 0 and 1");
      if (!input.comment) throw invalidInput("comment", "an override needs its justification");
    } else if (input.score !== null) {
      throw invalidInput("score", "only an override sets a score");
    }
    await assertYearsOpen(manager, [input.year]);
    const cycle = await manager.findOneBy(EvaluationCycle, { year: input.year });
    if (!cycle) throw notFound(`The evaluation cycle of ${input.year}`);
    if (cycle.status === CycleStatus.VALIDATED)
      throw invalidInput(
        "year",
        `${input.year} is validated: the Nucleo's review is over unless the cycle goes back to review`,
      );
    const objective =
      input.objectiveKey === null ? null : await manager.findOneBy(Objective, { key: input.objectiveKey });
    if (input.objectiveKey !== null && !objective) throw notFound(`The objective "${input.objectiveKey}"`);
    const unit = input.unitCode === null ? null : await manager.findOneBy(OrgUnit, { code: input.unitCode });
    if (input.unitCode !== null && !unit) throw notFound(`The organisational unit "${input.unitCode}"`);
    const result = await manager.insert(Review, {
      year: input.year,
      objectiveId: objective?.id ?? null,
      unitId: unit?.id ?? null,
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
