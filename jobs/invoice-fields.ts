import { date, RowProblem, wholeNumber } from "../src/csv/fields";
import { MAX_TERM_DAYS } from "./formulas/itp";

/**
 * The fields an invoice's due date is made of, read the same way by the ITP and the overdue debt:
 * a dispute's first and last days (both included, both given or neither, the last not before the
 * first) and the contract's term.
 */
export interface DueDateFields {
  termDays: number | null;
  disputeFrom: string | null;
  disputeTo: string | null;
}

/** Counts the term as 60 days (D.Lgs. 231/2002 art. 4) and warns, so the Ragioneria sees which contracts break the rule. */
export function dueDateFields(fields: Record<string, unknown>, warn: (problem: RowProblem) => void): DueDateFields {
  const disputeFrom = date(fields, "dispute_from", false);
  const disputeTo = date(fields, "dispute_to", false);
  if ((disputeFrom === null) !== (disputeTo === null))
    throw new RowProblem("dispute_to", "a dispute needs both its first and last day");
  if (disputeFrom && disputeTo && disputeTo < disputeFrom)
    throw new RowProblem("dispute_to", "ends before the dispute starts");
  const termDays = wholeNumber(fields, "term_days");
  if (termDays !== null && termDays > MAX_TERM_DAYS)
    warn(
      new RowProblem(
        "term_days",
        `${termDays} days is more than the ${MAX_TERM_DAYS} that D.Lgs. 231/2002 allows: counted as ${MAX_TERM_DAYS}`,
      ),
    );
  return { termDays, disputeFrom, disputeTo };
}
