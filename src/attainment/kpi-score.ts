import { KpiDirection, ScoringRule } from "../../entities/enums";
import { bandScore, linearScore } from "./normalise";

export interface KpiRuleInput {
  direction: KpiDirection;
  scoring: ScoringRule;
  /** The target value; null when the plan states the target only in words. */
  target: number | null;
  /** Floor (HIGHER_IS_BETTER), ceiling (LOWER_IS_BETTER) or tolerance (RANGE). */
  bound: number | null;
}

export type KpiScore = { score: number; rule: string } | { score: null; missing: string };

/**
 * One KPI's score for its yearly value, with the rule written out so the figure can be explained.
 * A MILESTONE value is already the weighted share of phases done by the deadline (1 when done).
 */
export function scoreKpi(value: number, input: KpiRuleInput): KpiScore {
  const { direction, scoring, target, bound } = input;
  if (direction === KpiDirection.MILESTONE) {
    return { score: Math.min(1, Math.max(0, value)), rule: "MILESTONE: share of phases done by the deadline" };
  }
  if (target === null) return { score: null, missing: "the target has no number to score against" };
  if (scoring === ScoringRule.BANDS) {
    if (direction === KpiDirection.RANGE)
      return { score: null, missing: "band scoring is not defined for a RANGE KPI" };
    if (target <= 0) return { score: null, missing: "band scoring needs a positive target" };
    return {
      score: bandScore(value, target, direction),
      rule: `BANDS ${direction}: 50% → 0.5, 70% → 0.7, 100% of target ${target} → 1`,
    };
  }
  switch (direction) {
    case KpiDirection.HIGHER_IS_BETTER: {
      const floor = bound ?? 0;
      if (floor >= target) return { score: null, missing: `the floor ${floor} is not below the target ${target}` };
      return {
        score: linearScore(value, { direction, target, floor }),
        rule: `LINEAR HIGHER_IS_BETTER: 0 at ${floor}, 1 at ${target}`,
      };
    }
    case KpiDirection.LOWER_IS_BETTER:
      if (bound === null || bound <= target)
        return { score: null, missing: "a LOWER_IS_BETTER target needs a ceiling above it" };
      return {
        score: linearScore(value, { direction, target, ceiling: bound }),
        rule: `LINEAR LOWER_IS_BETTER: 1 at ${target}, 0 at ${bound}`,
      };
    case KpiDirection.RANGE:
      // The target is the middle of the range and the bound its half-width; the tolerance equals the half-width.
      if (bound === null || bound < 0) return { score: null, missing: "a RANGE target needs its half-width as bound" };
      return {
        score: linearScore(value, { direction, low: target - bound, high: target + bound, tolerance: bound }),
        rule: `LINEAR RANGE: 1 within ${target} ± ${bound}, 0 at ± ${2 * bound}`,
      };
  }
}
