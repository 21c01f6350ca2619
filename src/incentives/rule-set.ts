import { z } from "zod";
import { GateMode } from "../../entities/enums";

/**
 * The incentive rules of a cycle (DESIGN.md §4): data with an act reference, versioned per cycle.
 * The defaults below are only defaults; every number can be changed, by act.
 */
const weightPair = z
  .object({ unit: z.number().min(0).max(1), individual: z.number().min(0).max(1) })
  .refine((w) => Math.abs(w.unit + w.individual - 1) < 1e-9, "unit and individual weights must add up to 1");

export const ruleSetSchema = z.object({
  gate: z.object({ mode: z.enum(GateMode), threshold: z.number().min(0).max(1) }),
  unitScore: z
    .object({ direzione: z.number().min(0).max(1), gestionale: z.number().min(0).max(1) })
    .refine(
      (w) => Math.abs(w.direzione + w.gestionale - 1) < 1e-9,
      "direzione and gestionale weights must add up to 1",
    ),
  composite: z
    .object({ MANAGER: weightPair, PO: weightPair, STAFF: weightPair })
    .refine(
      (c) => c.MANAGER.unit > 0.5,
      "for managers the organisational part must weigh more than half (D.Lgs. 150/2009 art. 9)",
    ),
  /** Below this composite nothing is paid; from it the payable share equals the composite. */
  threshold: z.number().min(0).max(1),
  proRataByDays: z.boolean(),
  /** CCNL Funzioni Locali 21/05/2018 art. 69: the best-rated share of staff get an uplifted premium. */
  differentiation: z.object({ quota: z.number().gt(0).max(0.5), uplift: z.number().min(0.3) }).nullable(),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;

export const DEFAULT_RULES: RuleSet = {
  gate: { mode: GateMode.ALL, threshold: 1 },
  unitScore: { direzione: 0.7, gestionale: 0.3 },
  composite: {
    MANAGER: { unit: 0.6, individual: 0.4 },
    PO: { unit: 0.5, individual: 0.5 },
    STAFF: { unit: 0.4, individual: 0.6 },
  },
  threshold: 0.6,
  proRataByDays: true,
  differentiation: null,
};
