import { date, RowProblem, wholeNumber } from "../src/csv/fields";

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

export function dueDateFields(fields: Record<string, unknown>): DueDateFields {
  const disputeFrom = date(fields, "dispute_from", false);
  const disputeTo = date(fields, "dispute_to", false);
  if ((disputeFrom === null) !== (disputeTo === null))
    throw new RowProblem("dispute_to", "a dispute needs both its first and last day");
  if (disputeFrom && disputeTo && disputeTo < disputeFrom)
    throw new RowProblem("dispute_to", "ends before the dispute starts");
  return { termDays: wholeNumber(fields, "term_days"), disputeFrom, disputeTo };
}
