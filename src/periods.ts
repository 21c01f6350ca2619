import { PeriodKind } from "../entities/enums";
import { twoDigits } from "./dates";

export interface Period {
  year: number;
  kind: PeriodKind;
  /** Quarter 1-4, month 1-12, 0 for the whole year. */
  index: number;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last calendar day of a period, as 'YYYY-MM-DD'. */
export function periodBounds({ year, kind, index }: Period): { start: string; end: string } {
  const [first, last] =
    kind === PeriodKind.YEAR ? [1, 12] : kind === PeriodKind.QUARTER ? [index * 3 - 2, index * 3] : [index, index];
  return {
    start: `${year}-${twoDigits(first)}-01`,
    end: `${year}-${twoDigits(last)}-${twoDigits(lastDayOfMonth(year, last))}`,
  };
}

/** The first and last day of a year: 'YYYY-01-01' and 'YYYY-12-31'. */
export const yearBounds = (year: number) => periodBounds({ year, kind: PeriodKind.YEAR, index: 0 });

/** Whether the index fits the kind: 0 for a year, 1-4 for a quarter, 1-12 for a month. */
export function isValidPeriod({ kind, index }: Period): boolean {
  if (kind === PeriodKind.YEAR) return index === 0;
  return Number.isInteger(index) && index >= 1 && index <= (kind === PeriodKind.QUARTER ? 4 : 12);
}

/** "2019", "2019-Q4", "2019-03". */
export function periodLabel({ year, kind, index }: Period): string {
  if (kind === PeriodKind.YEAR) return String(year);
  return kind === PeriodKind.QUARTER ? `${year}-Q${index}` : `${year}-${twoDigits(index)}`;
}

/** The periods a run for `period` measures: a quarter or month alone, or a year and its quarters. */
export function periodsOf(period: Period): Period[] {
  if (period.kind !== PeriodKind.YEAR) return [period];
  return [1, 2, 3, 4].map((index) => ({ year: period.year, kind: PeriodKind.QUARTER, index })).concat([period]);
}

/** "2019", "2019-Q4" or "2019-03" → the period; null when the text is none of these. */
export function parsePeriod(text: string): Period | null {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return { year, kind: PeriodKind.QUARTER, index: Number(match[2]) };
  if (match[3]) return { year, kind: PeriodKind.MONTH, index: Number(match[3]) };
  return { year, kind: PeriodKind.YEAR, index: 0 };
}

/** Every period from `from` to `to`, both included; they must be of the same kind. */
export function periodsBetween(from: Period, to: Period): Period[] {
  if (from.kind !== to.kind)
    throw new RangeError(`${periodLabel(from)} and ${periodLabel(to)} are not periods of the same kind`);
  const perYear = from.kind === PeriodKind.YEAR ? 1 : from.kind === PeriodKind.QUARTER ? 4 : 12;
  const ordinal = (p: Period) => p.year * perYear + (perYear === 1 ? 0 : p.index - 1);
  const periods: Period[] = [];
  for (let n = ordinal(from); n <= ordinal(to); n += 1) {
    periods.push({ year: Math.floor(n / perYear), kind: from.kind, index: perYear === 1 ? 0 : (n % perYear) + 1 });
  }
  return periods;
}
