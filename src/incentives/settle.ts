import { StaffCategory } from "../../entities/enums";
import { differentiate, Maggiorazione } from "./differentiation";
import { AssignmentSpan, scoreEmployee, serviceDays } from "./eligibility";
import { allocateCents, centsOf } from "./fund";
import { IncompleteReason } from "./reasons";
import { fundsOf, RuleSet } from "./rule-set";

/** An employee's time in one category during the year, with what their eligibility rests on. */
export interface Candidate {
  code: string;
  category: StaffCategory;
  /** The individual assessment, 0-100, or null when none is recorded. */
  assessment: number | null;
  spans: ReadonlyArray<{ unitCode: string; unitScore: number | null; days: number; share: number }>;
}

/** The Solidale gate as the year's rules and the Nucleo judged it; null while it cannot be judged. */
export interface GateJudgement {
  open: boolean | null;
  /** The Solidali that keep it from being judged. */
  incomplete: string[];
}

export interface Settled {
  status: "COMPLETE" | "INCOMPLETE";
  reasons: IncompleteReason[];
  unitScore: number | null;
  composite: number | null;
  /** The premium plus the art. 69 maggiorazione: what the category's fund is split by. Null when INCOMPLETE. */
  payableShare: number | null;
  maggiorazione: number | null;
  /** Place in the art. 69 order of merit, for the categories it applies to. */
  rank: number | null;
  /** Euro cents from the category's fund; null when INCOMPLETE or the category has no fund. */
  amountCents: number | null;
  days: number;
}

/**
 * A year's eligibility, from the inputs to the euros (DESIGN.md §4). An eligibility is INCOMPLETE,
 * never 0, while the gate cannot be judged or a unit score or the assessment is missing. Each
 * category's fund is split among its COMPLETE eligibilities by their payable shares, the art. 69
 * maggiorazione inside the same fund. Answers in the order of the candidates.
 */
export function settle(
  candidates: readonly Candidate[],
  gate: GateJudgement,
  rules: RuleSet,
  year: number,
  daysInYear: number,
): Settled[] {
  // Figures kept by the candidate's index: a city's staff is 150,000 rows.
  const scored = candidates.map((candidate) => {
    const reasons: IncompleteReason[] = [];
    if (gate.open === null) reasons.push({ kind: "GATE_NOT_JUDGED", objectives: gate.incomplete });
    const unitsScored = candidate.spans.every((s) => s.unitScore !== null);
    if (!unitsScored)
      reasons.push({
        kind: "NO_UNIT_SCORE",
        units: [...new Set(candidate.spans.filter((s) => s.unitScore === null).map((s) => s.unitCode))],
      });
    if (candidate.assessment === null) reasons.push({ kind: "NO_ASSESSMENT", year });
    const computable = unitsScored && candidate.assessment !== null;
    const eligibility = computable
      ? scoreEmployee(
          {
            category: candidate.category,
            individualScore: candidate.assessment!,
            assignments: candidate.spans as readonly AssignmentSpan[], // every unit scored, as checked above
          },
          gate.open === true,
          rules,
          daysInYear,
        )
      : null;
    return { reasons, eligibility, days: eligibility?.days ?? serviceDays(candidate.spans) };
  });
  const complete = scored.flatMap((s, i) => (s.reasons.length === 0 ? [i] : []));
  const maggiorazioni = differentiate(
    complete.map((i) => ({
      code: candidates[i].code,
      category: candidates[i].category,
      individualScore: candidates[i].assessment!,
      composite: scored[i].eligibility!.composite,
      days: scored[i].eligibility!.days,
      premium: scored[i].eligibility!.premium,
    })),
    rules.differentiation,
  );
  // By the candidate's index, undefined for those not COMPLETE (arrays, not maps: 150,000 keys).
  const ofComplete = new Array<Maggiorazione | undefined>(candidates.length);
  const payable = new Array<number | undefined>(candidates.length);
  complete.forEach((i, k) => {
    ofComplete[i] = maggiorazioni[k];
    payable[i] = scored[i].eligibility!.premium + maggiorazioni[k].maggiorazione;
  });
  const amounts = new Array<number | undefined>(candidates.length);
  for (const [category, fund] of fundsOf(rules)) {
    const paid = complete.filter((i) => candidates[i].category === category);
    const cents = allocateCents(
      centsOf(fund.amount),
      paid.map((i) => ({ code: candidates[i].code, share: payable[i]! })),
    );
    paid.forEach((i, k) => (amounts[i] = cents[k]));
  }
  return scored.map((s, i): Settled => {
    const maggiorazione = ofComplete[i];
    return {
      status: maggiorazione ? "COMPLETE" : "INCOMPLETE",
      reasons: s.reasons,
      unitScore: s.eligibility?.unitScore ?? null,
      composite: s.eligibility?.composite ?? null,
      payableShare: payable[i] ?? null,
      maggiorazione: maggiorazione?.maggiorazione ?? null,
      rank: maggiorazione?.rank ?? null,
      amountCents: amounts[i] ?? null,
      days: s.days,
    };
  });
}
