import { ReviewDecision } from "../../entities/enums";
import { Review } from "../../entities/review.entity";
import { ObjectiveResult } from "./compute";

/** The latest override among a set of reviews, or none. */
export function latestOverride(reviews: readonly Review[]): Review | null {
  const overrides = reviews
    .filter((r) => r.decision === ReviewDecision.OVERRIDDEN)
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.id - b.id);
  return overrides.length ? overrides[overrides.length - 1] : null;
}

/** The score a set of reviews puts in force: the latest override's, or none. */
export function overriddenScore(reviews: readonly Review[]): number | null {
  return latestOverride(reviews)?.score ?? null;
}

/** A computed result with its reviews applied: the latest override is the score in force, the computed one stays beside. */
export function withReviews<T extends ObjectiveResult>(
  result: T,
  reviews: Review[],
): T & { computedScore: number | null; reviews: Review[] } {
  const override = overriddenScore(reviews);
  return override === null
    ? { ...result, computedScore: result.score, reviews }
    : { ...result, score: override, status: "SCORED", missing: null, computedScore: result.score, reviews };
}
