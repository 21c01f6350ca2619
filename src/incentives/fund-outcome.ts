import { StaffCategory } from "../../entities/enums";
import { centsOf } from "./fund";
import { fundsOf, RuleSet } from "./rule-set";

export interface FundOutcome {
  category: StaffCategory;
  actKey: string;
  fundCents: number;
  paidCents: number;
  undistributedCents: number;
  /** Why some of the fund is not paid out; null when all of it is. */
  reason: string | null;
  /** The category's INCOMPLETE eligibilities, which get no amount. */
  incomplete: number;
}

interface Row {
  category: StaffCategory;
  status: "COMPLETE" | "INCOMPLETE";
  gateOpen: boolean | null;
  payableShare: number | null;
  amountCents: number | null;
}

function why(rows: readonly Row[]): string {
  const complete = rows.filter((r) => r.status === "COMPLETE");
  if (rows.length === 0) return "nobody of the category was in service in the year";
  if (complete.length === 0) return "every eligibility of the category is INCOMPLETE";
  if (complete.every((r) => r.gateOpen === false)) return "the Obiettivi Solidali were not reached: nothing is payable";
  return "nobody of the category reached the threshold";
}

/** What became of each category's fund: paid out, or left undistributed and why (from computed or frozen rows). */
export function fundOutcomes(rows: readonly Row[], rules: RuleSet): FundOutcome[] {
  return fundsOf(rules).map(([category, fund]) => {
    const ofCategory = rows.filter((r) => r.category === category);
    const fundCents = centsOf(fund.amount);
    const paidCents = ofCategory.reduce((sum, r) => sum + (r.amountCents ?? 0), 0);
    return {
      category,
      actKey: fund.actKey,
      fundCents,
      paidCents,
      undistributedCents: fundCents - paidCents,
      reason: paidCents === fundCents ? null : why(ofCategory),
      incomplete: ofCategory.filter((r) => r.status === "INCOMPLETE").length,
    };
  });
}
