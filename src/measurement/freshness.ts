import { KpiFrequency, PeriodKind } from "../../entities/enums";
import { dayNumber, fromDayNumber } from "../dates";
import { Period, periodBounds, periodLabel } from "../periods";

export interface Freshness {
  /** The latest period with a value ("2019-Q4"); null when the KPI has none. */
  lastPeriod: string | null;
  lastRecordedAt: Date | null;
  /** The day the next period's value is due by: that period's end plus the grace days. */
  expectedBy: string | null;
  overdue: boolean;
}

const KIND: Record<KpiFrequency, PeriodKind> = {
  [KpiFrequency.MONTHLY]: PeriodKind.MONTH,
  [KpiFrequency.QUARTERLY]: PeriodKind.QUARTER,
  [KpiFrequency.YEARLY]: PeriodKind.YEAR,
};

/** The period of a kind that contains a day. */
function periodOf(kind: PeriodKind, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return {
    year,
    kind,
    index: kind === PeriodKind.YEAR ? 0 : kind === PeriodKind.QUARTER ? Math.ceil(month / 3) : month,
  };
}

/**
 * How fresh a KPI's values are: the latest period measured, and when the next is due, the end of
 * the following period of the KPI's frequency plus `graceDays` (the quarterly ITP is published
 * within 30 days); overdue once `today` is past that day.
 */
export function freshnessOf(
  frequency: KpiFrequency,
  last: { period: Period; recordedAt: Date } | null,
  today: string,
  graceDays = 30,
): Freshness {
  if (last === null) return { lastPeriod: null, lastRecordedAt: null, expectedBy: null, overdue: false };
  const next = periodOf(KIND[frequency], fromDayNumber(dayNumber(periodBounds(last.period).end) + 1));
  const expectedBy = fromDayNumber(dayNumber(periodBounds(next).end) + graceDays);
  return {
    lastPeriod: periodLabel(last.period),
    lastRecordedAt: last.recordedAt,
    expectedBy,
    overdue: today > expectedBy,
  };
}
