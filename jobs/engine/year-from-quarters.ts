import { EntityManager, In } from "typeorm";
import { PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { valuesInForce } from "../../src/measurement/write-measurements";
import { Period, periodLabel } from "../../src/periods";
import { JobDefinition, JobValue, QuarterValue } from "../job";

/**
 * A quarter run again alone changes its year: when the year already has values in force, the job
 * derives them again from the four quarters in force (this run's quarter as just computed), so
 * the year never contradicts its quarters. A year with no value yet is left to the year's run.
 */
export async function withYearFromQuarters(
  tx: EntityManager,
  job: JobDefinition<unknown>,
  period: Period,
  values: JobValue[],
): Promise<JobValue[]> {
  if (period.kind !== PeriodKind.QUARTER || !job.yearFromQuarters) return values;
  const year: Period = { year: period.year, kind: PeriodKind.YEAR, index: 0 };
  const whole = values.filter((v) => v.breakdown === null && v.unitCode === null);
  const kpis = await tx.find(Kpi, { where: { code: In(whole.map((v) => v.kpiCode)) } });
  const inForce = await valuesInForce(
    tx,
    kpis.map((k) => k.id),
    [period.year],
  );
  const idOf = new Map(kpis.map((k) => [k.code, k.id]));
  if (!kpis.some((k) => inForce.get(k.id, year, null))) return values;
  const quartersOf = (kpiCode: string): Array<QuarterValue | null> =>
    [1, 2, 3, 4].map((index) => {
      if (index === period.index) return whole.find((v) => v.kpiCode === kpiCode) ?? null;
      const kpiId = idOf.get(kpiCode);
      const stored =
        kpiId === undefined ? null : inForce.get(kpiId, { year: period.year, kind: PeriodKind.QUARTER, index }, null);
      return stored && { value: stored.value, numerator: stored.numerator, denominator: stored.denominator };
    });
  const derived = job.yearFromQuarters(year, quartersOf).map((v) => ({
    ...v,
    reason: v.reason ?? `derived from the quarters in force after ${periodLabel(period)} was run again`,
  }));
  return [...values, ...derived];
}
