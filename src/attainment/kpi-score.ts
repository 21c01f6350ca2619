import { KpiDirection, ScoringRule } from "../../entities/enums";
import { italianNumber } from "../italian-format";
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

const DIRECTION: Record<KpiDirection, string> = {
  HIGHER_IS_BETTER: "più alto è meglio",
  LOWER_IS_BETTER: "più basso è meglio",
  RANGE: "intervallo",
  MILESTONE: "fasi",
};

export type KpiScore = { score: number; rule: string } | { score: null; missing: string };

/**
 * One KPI's score for its yearly value, with the rule written out (in Italian, for the people who
 * read the explanation) so the figure can be explained.
 * A MILESTONE value is already the weighted share of phases done by the deadline (1 when done).
 */
export function scoreKpi(value: number, input: KpiRuleInput): KpiScore {
  const { direction, scoring, target } = input;
  if (direction === KpiDirection.MILESTONE) {
    return {
      score: Math.min(1, Math.max(0, value)),
      rule: "FASI: quota ponderata delle fasi concluse entro la scadenza",
    };
  }
  if (direction === KpiDirection.RANGE && input.low != null && input.high != null) {
    return rangeScore(value, input.low, input.high, input.tolerance ?? 0);
  }
  if (target === null)
    return { score: null, missing: "il target non ha un valore numerico con cui confrontare il risultato" };
  if (scoring === ScoringRule.BANDS) {
    if (direction === KpiDirection.RANGE)
      return { score: null, missing: "il punteggio a fasce non si applica a un KPI con intervallo" };
    if (target <= 0) return { score: null, missing: "il punteggio a fasce richiede un target positivo" };
    return {
      score: bandScore(value, target, direction),
      rule: `FASCE (${DIRECTION[direction]}): ${DEFAULT_BANDS.map((b) => `${italianNumber(b.fromShareOfTarget * 100)}% → ${italianNumber(b.score)}`).join(", ")} del target ${italianNumber(target)}`,
    };
  }
  return linearKpiScore(value, direction, target, input);
}

function linearKpiScore(value: number, direction: KpiDirection, target: number, input: KpiRuleInput): KpiScore {
  const { bound } = input;
  switch (direction) {
    case KpiDirection.HIGHER_IS_BETTER: {
      const floor = bound ?? 0;
      if (floor >= target)
        return {
          score: null,
          missing: `la soglia minima ${italianNumber(floor)} non è sotto il target ${italianNumber(target)}`,
        };
      const score = linearScore(value, { direction, target, floor });
      if (input.strict)
        return strictScore(
          value > target,
          score,
          `LINEARE (più alto è meglio): 1 oltre ${italianNumber(target)}, 0 a ${italianNumber(floor)}`,
        );
      return { score, rule: `LINEARE (più alto è meglio): 0 a ${italianNumber(floor)}, 1 a ${italianNumber(target)}` };
    }
    case KpiDirection.LOWER_IS_BETTER: {
      if (bound === null || bound <= target)
        return { score: null, missing: "un target in cui più basso è meglio richiede un tetto sopra il target" };
      const score = linearScore(value, { direction, target, ceiling: bound });
      if (input.strict)
        return strictScore(
          value < target,
          score,
          `LINEARE (più basso è meglio): 1 sotto ${italianNumber(target)}, 0 a ${italianNumber(bound)}`,
        );
      return { score, rule: `LINEARE (più basso è meglio): 1 a ${italianNumber(target)}, 0 a ${italianNumber(bound)}` };
    }
    default:
      // A RANGE stated as its middle and half-width: the tolerance equals the half-width.
      if (bound === null || bound < 0)
        return {
          score: null,
          missing: "un target a intervallo richiede i suoi estremi, o la semiampiezza come limite",
        };
      return {
        score: linearScore(value, {
          direction: KpiDirection.RANGE,
          low: target - bound,
          high: target + bound,
          tolerance: bound,
        }),
        rule: `LINEARE (intervallo): 1 entro ${italianNumber(target)} ± ${italianNumber(bound)}, 0 a ± ${italianNumber(2 * bound)}`,
      };
  }
}

function rangeScore(value: number, low: number, high: number, tolerance: number): KpiScore {
  if (low > high) return { score: null, missing: `l'intervallo ${italianNumber(low)}-${italianNumber(high)} è vuoto` };
  if (tolerance < 0) return { score: null, missing: `la tolleranza ${italianNumber(tolerance)} è negativa` };
  return {
    score: linearScore(value, { direction: KpiDirection.RANGE, low, high, tolerance }),
    rule: `LINEARE (intervallo): 1 tra ${italianNumber(low)} e ${italianNumber(high)}, 0 a ${italianNumber(tolerance)} fuori`,
  };
}

/** A strict target not exceeded is not reached: its partial credit stays short of full marks. */
function strictScore(exceeded: boolean, linear: number, rule: string): KpiScore {
  return {
    score: exceeded ? 1 : Math.min(linear, STRICT_CAP),
    rule: `${rule} (target da superare: al massimo ${italianNumber(STRICT_CAP)} se non superato)`,
  };
}
