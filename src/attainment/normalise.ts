/**
 * Normalisation (DESIGN.md §3): a KPI's yearly value against its target becomes a score in [0, 1].
 * Over-achievement is recorded in the value, never in the score. Pure functions of plain numbers.
 */

export type LinearRule =
  | { direction: "HIGHER_IS_BETTER"; target: number; floor?: number }
  | { direction: "LOWER_IS_BETTER"; target: number; ceiling: number }
  | { direction: "RANGE"; low: number; high: number; tolerance: number };

export interface Phase {
  weight: number;
  doneByDeadline: boolean;
}

const clamp = (score: number) => Math.min(1, Math.max(0, score));

/** Linear scoring: full marks at the target, nothing at the floor (or ceiling), a straight line between. */
export function linearScore(value: number, rule: LinearRule): number {
  switch (rule.direction) {
    case "HIGHER_IS_BETTER": {
      const floor = rule.floor ?? 0;
      if (floor >= rule.target) throw new RangeError(`the floor (${floor}) must be below the target (${rule.target})`);
      return clamp((value - floor) / (rule.target - floor));
    }
    case "LOWER_IS_BETTER":
      if (rule.ceiling <= rule.target)
        throw new RangeError(`the ceiling (${rule.ceiling}) must be above the target (${rule.target})`);
      return clamp((rule.ceiling - value) / (rule.ceiling - rule.target));
    case "RANGE": {
      if (rule.low > rule.high) throw new RangeError(`the range [${rule.low}, ${rule.high}] is empty`);
      if (value >= rule.low && value <= rule.high) return 1;
      if (rule.tolerance <= 0) return 0;
      const distance = value < rule.low ? rule.low - value : value - rule.high;
      return clamp(1 - distance / rule.tolerance);
    }
  }
}

/** A milestone: done by the deadline scores 1; otherwise the weighted share of phases done by then. */
export function milestoneScore(done: boolean, phases: readonly Phase[] = []): number {
  if (done) return 1;
  const total = phases.reduce((sum, p) => sum + p.weight, 0);
  if (total <= 0) return 0;
  return phases.filter((p) => p.doneByDeadline).reduce((sum, p) => sum + p.weight, 0) / total;
}

/** A band: from this share of the target (e.g. 0.7 for 70%) the score is fixed. */
export interface Band {
  fromShareOfTarget: number;
  score: number;
}

/** Common in Italian PA systems: 50% / 70% / 100% of target mapped to fixed scores. */
export const DEFAULT_BANDS: readonly Band[] = [
  { fromShareOfTarget: 0.5, score: 0.5 },
  { fromShareOfTarget: 0.7, score: 0.7 },
  { fromShareOfTarget: 1, score: 1 },
];

/**
 * Band scoring: the score of the highest band the achievement reaches (0 below the first). The
 * achievement is value / target for HIGHER_IS_BETTER and target / value for LOWER_IS_BETTER.
 */
export function bandScore(
  value: number,
  target: number,
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER",
  bands: readonly Band[] = DEFAULT_BANDS,
): number {
  if (target <= 0) throw new RangeError("band scoring needs a positive target");
  const achievement = direction === "HIGHER_IS_BETTER" ? value / target : value <= 0 ? Infinity : target / value;
  let score = 0;
  for (const band of [...bands].sort((a, b) => a.fromShareOfTarget - b.fromShareOfTarget)) {
    if (achievement >= band.fromShareOfTarget) score = band.score;
  }
  return clamp(score);
}

/** The weighted mean of scores; null when any is missing, so an incomplete objective never reads as 0. */
export function weightedMean(parts: ReadonlyArray<{ score: number | null; weight: number }>): number | null {
  if (parts.length === 0 || parts.some((p) => p.score === null)) return null;
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  if (total <= 0) return null;
  return parts.reduce((sum, p) => sum + (p.score as number) * p.weight, 0) / total;
}
