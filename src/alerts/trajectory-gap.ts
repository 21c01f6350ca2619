import { figure, percent } from "../report/italian-format";

/** A KPI's value for a period and the score it makes against its year's target (0-1). */
export interface ScoredValue {
  period: string;
  score: number;
}

/** The median of some scores (the mean of the middle two when even). */
function median(scores: readonly number[]): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Whether a KPI's latest value is far from its trajectory: the median score of up to four
 * periods before it (a year of quarters), so that one odd value neither hides the next nor makes a
 * value back on course look far. Far: more than `tolerance` points of score (0-1) away. Null when
 * it is within, or when there is nothing before it to compare with; otherwise the Italian reason.
 */
export function trajectoryGap(
  kpiCode: string,
  latest: ScoredValue,
  before: readonly ScoredValue[],
  tolerance: number,
): string | null {
  const path = before.slice(-4);
  if (path.length === 0) return null;
  const expected = median(path.map((p) => p.score));
  const gap = Math.abs(latest.score - expected);
  // Scores are shares: compare in tenths of a thousandth so 0.7 − 0.2 is not 0.49999….
  if (Math.round(gap * 10_000) <= Math.round(tolerance * 10_000)) return null;
  return `${kpiCode}: punteggio di ${latest.period} ${percent(latest.score)} del target, traiettoria ${percent(expected)} (mediana di ${path.map((p) => p.period).join(", ")}): scarto di ${figure(gap * 100)} punti, oltre la tolleranza di ${figure(tolerance * 100)}`;
}
