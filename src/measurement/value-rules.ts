import { KpiFrequency, KpiUnit, PeriodKind } from "../../entities/enums";

/**
 * Whether a value fits its KPI's unit; returns the problem in words, or null when it fits.
 * Percentages are 0-100, counts whole and not negative, milestones the share done (0-1), money
 * to the cent; days may be negative (paid early).
 */
export function valueProblem(unit: KpiUnit, value: string): string | null {
  const number = Number(value);
  switch (unit) {
    case KpiUnit.PERCENT:
      return number < 0 || number > 100 ? "a percentage must be between 0 and 100" : null;
    case KpiUnit.COUNT:
      return !Number.isInteger(number) || number < 0 ? "a count must be a whole number, 0 or more" : null;
    case KpiUnit.MILESTONE:
      return number < 0 || number > 1 ? "a milestone is the share done, between 0 and 1" : null;
    case KpiUnit.RATIO:
      return number < 0 ? "a ratio cannot be negative" : null;
    case KpiUnit.EUR:
      return /\.\d{3,}$/.test(value) ? "an amount in euro has at most 2 decimals" : null;
    case KpiUnit.DAYS:
      return null;
  }
}

const PERIOD_OF: Record<KpiFrequency, PeriodKind> = {
  [KpiFrequency.MONTHLY]: PeriodKind.MONTH,
  [KpiFrequency.QUARTERLY]: PeriodKind.QUARTER,
  [KpiFrequency.YEARLY]: PeriodKind.YEAR,
};

/** A KPI is measured at its own frequency, and always for the whole year. */
export function fitsFrequency(frequency: KpiFrequency, kind: PeriodKind): boolean {
  return kind === PeriodKind.YEAR || PERIOD_OF[frequency] === kind;
}
