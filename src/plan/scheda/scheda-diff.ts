import { FieldChange } from "../../../entities/plan-change.entity";

/**
 * The fields that differ between what is in force and what an act states, each before and after
 * (null: not set). No field differs: the act changes nothing and nothing is recorded.
 */
type Scalar = string | number | boolean | null;

export function fieldChanges<T extends Record<string, Scalar>>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const text = (value: Scalar) => (value === null ? null : String(value));
  return fields
    .map((field) => ({ field, before: before === null ? null : text(before[field]), after: text(after[field]) }))
    .filter((change) => change.before !== change.after);
}
