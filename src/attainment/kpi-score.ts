import { KpiDirection, ScoringRule } from "../../entities/enums";
import { bandScore, DEFAULT_BANDS, linearScore } from "./normalise";

export interface KpiRuleInput {
  direction: KpiDirection;
  scoring: ScoringRule;
  /** The target value; null when the plan states the target only in words. */
  target: number | null;
  /** Floor (HIGHER_IS_BETTER), ceiling (LOWER_IS_BETTER), or a RANGE's half-width when it has no bounds. */
  bound: number | null;
  /** The target must be exceeded ("> 70%"): at or short of it the score stays below 1. */
  strict?: boolean;
  /** RANGE: the bounds that score 1, and how far outside them credit falls to 0. */
  low?: number | null;
  high?: number | null;
  tolerance?: number | null;
}

export const STRICT_CAP = 0.99;

export type KpiScore = { score: number; rule: string } | { score: null; missing: string };

/**
 * One KPI's score for its yearly value, with the rule written out so the figure can be explained.
 * A MILESTONE value is already the weighted share of phases done by the deadline (1 when done).
 */
export function scoreKpi(value: number, input: KpiRuleInput): KpiScore {
  const { direction, scoring, target } = input;
  if (direction === KpiDirection.MILESTONE) {
    return { score: Math.min(1, Math.max(0, value)), rule: "MILESTONE: share of phases done by the deadline" };
  }
  if (direction === KpiDirection.RANGE && input.low != null && input.high != null) {
    return rangeScore(value, input.low, input.high, input.tolerance ?? 0);
  }
  if (target === null) return { score: null, missing: "the target has no number to score against" };
  if (scoring === ScoringRule.BANDS) {
    if (direction === KpiDirection.RANGE)
      return { score: null, missing: "band scoring is not defined for a RANGE KPI" };
    if (target <= 0) return { score: null, missing: "band scoring needs a positive target" };
    return {
      score: bandScore(value, target, direction),
      rule: `BANDS ${direction}: ${DEFAULT_BANDS.map((b) => `${b.fromShareOfTarget * 100}% → ${b.score}`).join(", ")} of target ${target}`,
    };
  }
  return linearKpiScore(value, direction, target, input);
}

function linearKpiScore(value: number, direction: KpiDirection, target: number, input: KpiRuleInput): KpiScore {
  const { bound } = input;
  switch (direction) {
    case KpiDirection.HIGHER_IS_BETTER: {
      const floor = bound ?? 0;
      if (floor >= target) return { score: null, missing: `the floor ${floor} is not below the target ${target}` };
      const score = linearScore(value, { direction, target, floor });
      if (input.strict)
        return strictScore(value > target, score, `LINEAR HIGHER_IS_BETTER: 1 above ${target}, 0 at ${floor}`);
      return { score, rule: `LINEAR HIGHER_IS_BETTER: 0 at ${floor}, 1 at ${target}` };
    }
    case KpiDirection.LOWER_IS_BETTER: {
      if (bound === null || bound <= target)
        return { score: null, missing: "a LOWER_IS_BETTER target needs a ceiling above it" };
      const score = linearScore(value, { direction, target, ceiling: bound });
      if (input.strict)
        return strictScore(value < target, score, `LINEAR LOWER_IS_BETTER: 1 below ${target}, 0 at ${bound}`);
      return { score, rule: `LINEAR LOWER_IS_BETTER: 1 at ${target}, 0 at ${bound}` };
    }
    default:
      // A RANGE stated as its middle and half-width: the tolerance equals the half-width.
      if (bound === null || bound < 0)
        return { score: null, missing: "a RANGE target needs its bounds, or its half-width as bound" };
      return {
        score: linearScore(value, {
          direction: KpiDirection.RANGE,
          low: target - bound,
          high: target + bound,
          tolerance: bound,
        }),
        rule: `LINEAR RANGE: 1 within ${target} ± ${bound}, 0 at ± ${2 * bound}`,
      };
  }
}

function rangeScore(value: number, low: number, high: number, tolerance: number): KpiScore {
  if (low > high) return { score: null, missing: `the range ${low}-${high} is empty` };
  if (tolerance < 0) return { score: null, missing: `the tolerance ${tolerance} is negative` };
  return {
    score: linearScore(value, { direction: KpiDirection.RANGE, low, high, tolerance }),
    rule: `LINEAR RANGE: 1 between ${low} and ${high}, 0 at ${tolerance} outside`,
  };
}

/** A strict target not exceeded is not reached: its partial credit stays short of full marks. */
function strictScore(exceeded: boolean, linear: number, rule: string): KpiScore {
  return {
    score: exceeded ? 1 : Math.min(linear, STRICT_CAP),
    rule: `${rule} (strict: at most ${STRICT_CAP} unless exceeded)`,
  };
}
