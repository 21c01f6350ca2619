import { ReviewDecision } from "../../entities/enums";
import { Review } from "../../entities/review.entity";

/** The score a set of reviews puts in force: the latest override, or none. */
export function overriddenScore(reviews: readonly Review[]): number | null {
  const overrides = reviews
    .filter((r) => r.decision === ReviewDecision.OVERRIDDEN)
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.id - b.id);
  return overrides.length ? overrides[overrides.length - 1].score : null;
}
