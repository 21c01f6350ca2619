import { HealthKpi } from "./health-kpi";

const QUARTER_LABEL = ["I trim.", "II trim.", "III trim.", "IV trim."];

/** A period as the offices write it: "2019", "IV trim. 2019", "03/2019". */
export function periodLabel(kind: string, index: number, year: number): string {
  if (kind === "YEAR") return String(year);
  if (kind === "QUARTER") return `${QUARTER_LABEL[index - 1]} ${year}`;
  return `${String(index).padStart(2, "0")}/${year}`;
}

/**
 * A health indicator's latest value: the year's when there is one, else its last period's with a
 * value (a quarterly indicator has no yearly value until its fourth quarter is in).
 */
export function latestValue(kpi: HealthKpi, year: number): { value: string | null; period: string | null } {
  if (kpi.value !== null) return { value: kpi.value, period: String(year) };
  const last = kpi.kpi.measurements
    .filter((m) => m.value !== null)
    .sort((a, b) => endMonth(a) - endMonth(b))
    .at(-1);
  return last
    ? { value: last.value, period: periodLabel(last.periodKind, last.periodIndex, year) }
    : { value: null, period: null };
}

/** The month a period ends in, to order a year's months, quarters and the year itself. */
function endMonth(m: { periodKind: string; periodIndex: number }): number {
  if (m.periodKind === "MONTH") return m.periodIndex;
  return m.periodKind === "QUARTER" ? m.periodIndex * 3 : 12;
}

/** The API's period ("2019", "2019-Q3", "2019-03") as the offices write it; an unknown form as it is. */
export function apiPeriodLabel(text: string): string {
  const match = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(text);
  if (!match) return text;
  const year = Number(match[1]);
  if (match[2]) return periodLabel("QUARTER", Number(match[2]), year);
  return match[3] ? periodLabel("MONTH", Number(match[3]), year) : periodLabel("YEAR", 0, year);
}
