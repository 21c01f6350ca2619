import { z } from "zod";
import { GateMode, StaffCategory } from "../../entities/enums";

/**
 * The incentive rules of a cycle (DESIGN.md §4): data with an act reference, versioned per cycle.
 * The defaults below are only defaults; every number can be changed, by act.
 */
/** A bound as a person reads it in Italian: 0,3. */
const italian = (value: number) => String(value).replace(".", ",");

const between = (lo: number, hi: number) =>
  z
    .number({ error: `deve essere un numero da ${italian(lo)} a ${italian(hi)}` })
    .min(lo, `deve essere da ${italian(lo)} a ${italian(hi)}`)
    .max(hi, `deve essere da ${italian(lo)} a ${italian(hi)}`);

/** A share, weight, quota or threshold: a fraction of the whole. */
const fraction = between(0, 1);

const weightPair = z
  .strictObject({ unit: fraction, individual: fraction })
  .refine((w) => Math.abs(w.unit + w.individual - 1) < 1e-9, "unit and individual weights must add up to 1");

/** How acts are keyed: GC-2187-2019, NV-7-2020. */
export const ACT_KEY = /^[A-Z0-9-]{3,64}$/;

/** Euros to the cent, kept as text ("1250000.00") so that no float ever holds money. */
const euros = z.union([z.number(), z.string()]).transform((value, context) => {
  const text = typeof value === "number" ? String(value) : value.trim();
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text)) {
    context.addIssue({ code: "custom", message: "an amount in euros to the cent, such as 1250000.00" });
    return z.NEVER;
  }
  const [whole, cents = ""] = text.split(".");
  return `${whole}.${cents.padEnd(2, "0")}`;
});

/** A category's fund for the year, as the act that set it states it. */
const fund = z.strictObject({
  actKey: z.string().regex(ACT_KEY, "must be an act's key, such as DDG-123-2020"),
  amount: euros,
});

const QUOTA = "deve essere un numero maggiore di 0 e al massimo 0,5";

/**
 * Strict at every level: a key the rules do not know is refused rather than dropped, so that a typo
 * ("treshold") is not a rule set equal to the defaults.
 */
export const ruleSetSchema = z.strictObject({
  gate: z
    .strictObject({
      mode: z.enum(GateMode),
      threshold: fraction,
      /**
       * WEIGHTED_MEAN's weight of each Obiettivo Solidale, by key; null: equal weights. Relative
       * weights, as an act writes them (1, 3), so not fractions; bounded so that their sum stays finite.
       */
      weights: z.record(z.string(), between(0, 100)).nullable().default(null),
    })
    .refine(
      (g) => g.weights === null || Object.values(g.weights).some((w) => w > 0),
      "the Solidali's weights must not all be 0",
    ),
  unitScore: z
    .strictObject({ direzione: fraction, gestionale: fraction })
    .refine(
      (w) => Math.abs(w.direzione + w.gestionale - 1) < 1e-9,
      "direzione and gestionale weights must add up to 1",
    ),
  composite: z
    .strictObject({ MANAGER: weightPair, PO: weightPair, STAFF: weightPair })
    .refine(
      (c) => c.MANAGER.unit > 0.5,
      "for managers the organisational part must weigh more than half (D.Lgs. 150/2009 art. 9)",
    ),
  /** Below this composite nothing is paid; from it the payable share equals the composite. */
  threshold: fraction,
  proRataByDays: z.boolean(),
  /**
   * CCNL Funzioni Locali 21/05/2018 art. 69: for at most `quota` of the paid staff of each category
   * named (never managers, who have their own result pay), a maggiorazione of `uplift` times the
   * average premium of that category's paid staff, added to their own.
   */
  differentiation: z
    .strictObject({
      quota: z.number({ error: QUOTA }).gt(0, QUOTA).max(0.5, QUOTA),
      /** At least 30% (art. 69); more than the average premium again (a typo such as 50 for 0.50) is refused. */
      uplift: between(0.3, 1),
      categories: z
        .array(z.enum([StaffCategory.PO, StaffCategory.STAFF]))
        .min(1)
        .default([StaffCategory.STAFF]),
    })
    .nullable(),
  /** The year's fund per category, in euros, by act; a category without one gets shares, not amounts. */
  funds: z.partialRecord(z.enum(StaffCategory), fund).nullable().default(null),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type Fund = z.infer<typeof fund>;

export const DEFAULT_RULES: RuleSet = {
  gate: { mode: GateMode.ALL, threshold: 1, weights: null },
  unitScore: { direzione: 0.7, gestionale: 0.3 },
  composite: {
    MANAGER: { unit: 0.6, individual: 0.4 },
    PO: { unit: 0.5, individual: 0.5 },
    STAFF: { unit: 0.4, individual: 0.6 },
  },
  threshold: 0.6,
  proRataByDays: true,
  differentiation: null,
  funds: null,
};

const CATEGORY_ORDER = [StaffCategory.MANAGER, StaffCategory.PO, StaffCategory.STAFF];

/** The year's funds, category by category: managers, POs, staff. */
export const fundsOf = (rules: RuleSet) =>
  CATEGORY_ORDER.flatMap((category) => {
    const fund = rules.funds?.[category];
    return fund ? [[category, fund] as const] : [];
  });
