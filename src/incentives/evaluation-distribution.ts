import { StaffCategory } from "../../entities/enums";

export interface Evaluated {
  category: StaffCategory;
  /** The unit the person was scored in at the end of their time in the category. */
  unitCode: string;
  individualScore: number;
  composite: number | null;
}

export interface EvaluationGroup {
  category: StaffCategory;
  unitCode: string;
  evaluated: number;
  distinctScores: number;
  minScore: number;
  meanScore: number;
  topScore: number;
  /** The share of the group at its top score. */
  shareAtTop: number;
  /** Each score given, highest first, with how many got it. */
  scores: Array<{ score: number; count: number }>;
  compositeMin: number | null;
  compositeMean: number | null;
  compositeMax: number | null;
}

/** An eligibility row as far as the distribution reads it: no name, no code. */
export interface EvaluatedRow {
  category: StaffCategory;
  individualScore: number | null;
  composite: number | null;
  inputs: { assignments: ReadonlyArray<{ unitCode: string; scoredAs: string | null }> };
}

/** The evaluated rows of a year, each in the unit it was scored in at the end of its time in the category. */
export function evaluatedOf(rows: readonly EvaluatedRow[]): Evaluated[] {
  return rows.flatMap((r) => {
    const last = r.inputs.assignments[r.inputs.assignments.length - 1];
    return r.individualScore === null
      ? []
      : [
          {
            category: r.category,
            unitCode: last.scoredAs ?? last.unitCode,
            individualScore: r.individualScore,
            composite: r.composite,
          },
        ];
  });
}

const max = (values: readonly number[]) => values.reduce((a, b) => (b > a ? b : a));
const min = (values: readonly number[]) => values.reduce((a, b) => (b < a ? b : a));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const CATEGORY_ORDER = [StaffCategory.MANAGER, StaffCategory.PO, StaffCategory.STAFF];

/**
 * D.Lgs. 150/2009 art. 18 forbids spreading merit pay evenly: whether evaluations differentiate is
 * judged on the evaluations themselves (not on shares, which part time and days move), per
 * category and unit, and handed to the Nucleo as data.
 */
export function evaluationDistribution(rows: readonly Evaluated[]): EvaluationGroup[] {
  const groups = new Map<string, Evaluated[]>();
  for (const row of rows) {
    const key = `${row.category}|${row.unitCode}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()]
    .map((group): EvaluationGroup => {
      const scores = group.map((r) => r.individualScore);
      const counts = new Map<number, number>();
      for (const score of scores) counts.set(score, (counts.get(score) ?? 0) + 1);
      const topScore = max(scores);
      const composites = group.flatMap((r) => (r.composite === null ? [] : [r.composite]));
      return {
        category: group[0].category,
        unitCode: group[0].unitCode,
        evaluated: group.length,
        distinctScores: counts.size,
        minScore: min(scores),
        meanScore: mean(scores),
        topScore,
        shareAtTop: counts.get(topScore)! / group.length,
        scores: [...counts.entries()].sort(([a], [b]) => b - a).map(([score, count]) => ({ score, count })),
        compositeMin: composites.length ? min(composites) : null,
        compositeMean: composites.length ? mean(composites) : null,
        compositeMax: composites.length ? max(composites) : null,
      };
    })
    .sort(
      (a, b) =>
        CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
        (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0),
    );
}
