import { StaffCategory } from "../../entities/enums";
import { RuleSet } from "./rule-set";

/** Someone paid who may compete for the art. 69 maggiorazione. */
export interface Contender {
  code: string;
  category: StaffCategory;
  individualScore: number;
  composite: number;
  days: number;
  /** The premium before the differentiation. */
  premium: number;
}

export interface Maggiorazione {
  /** Place in the category's order of merit among those paid; null outside the differentiation. */
  rank: number | null;
  /** Added to the premium: uplift × the average premium of the category's paid staff, or 0. */
  maggiorazione: number;
}

/** The tie rule at the cut-off, as the payroll file states it. */
export const TIE_RULE = "valutazione individuale, poi punteggio complessivo, poi giorni di servizio, poi matricola";

/** The order of merit: the best evaluation first; ties by the composite, then days in service, then matricola. */
function byMerit(a: Contender, b: Contender): number {
  return (
    b.individualScore - a.individualScore ||
    b.composite - a.composite ||
    b.days - a.days ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** The places of a quota: a hard cap, rounded down (the epsilon keeps 0.29 × 100 at 29). */
export const placesOf = (paid: number, quota: number) => Math.floor(paid * quota + 1e-9);

/**
 * CCNL Funzioni Locali 21/05/2018 art. 69: in each category the rule names, the first `places` of
 * those paid in the order of merit get a maggiorazione of `uplift` times the average premium of
 * the category's paid staff, added to their own premium. Answers in the order of the entries.
 */
export function differentiate(entries: readonly Contender[], rule: RuleSet["differentiation"]): Maggiorazione[] {
  const result: Maggiorazione[] = entries.map(() => ({ rank: null, maggiorazione: 0 }));
  if (!rule) return result;
  for (const category of rule.categories) {
    const paid = entries.flatMap((entry, index) =>
      entry.category === category && entry.premium > 0 ? [{ entry, index }] : [],
    );
    if (paid.length === 0) continue;
    const average = paid.reduce((sum, p) => sum + p.entry.premium, 0) / paid.length;
    const places = placesOf(paid.length, rule.quota);
    paid
      .sort((a, b) => byMerit(a.entry, b.entry))
      .forEach(({ index }, position) => {
        result[index] = { rank: position + 1, maggiorazione: position < places ? rule.uplift * average : 0 };
      });
  }
  return result;
}

export interface DifferentiationOutcome {
  category: StaffCategory;
  paid: number;
  places: number;
  uplifted: number;
  averagePremium: number;
  maggiorazione: number;
}

/** What the differentiation did in each category, from the rows (computed or frozen). */
export function differentiationOutcomes(
  rows: ReadonlyArray<{ category: StaffCategory; payableShare: number | null; maggiorazione: number | null }>,
  rule: RuleSet["differentiation"],
): DifferentiationOutcome[] {
  if (!rule) return [];
  return rule.categories.map((category) => {
    const paid = rows.filter((r) => r.category === category && (r.payableShare ?? 0) > 0);
    const premiums = paid.map((r) => r.payableShare! - (r.maggiorazione ?? 0));
    const averagePremium = paid.length ? premiums.reduce((sum, p) => sum + p, 0) / paid.length : 0;
    return {
      category,
      paid: paid.length,
      places: placesOf(paid.length, rule.quota),
      uplifted: paid.filter((r) => (r.maggiorazione ?? 0) > 0).length,
      averagePremium,
      maggiorazione: rule.uplift * averagePremium,
    };
  });
}
