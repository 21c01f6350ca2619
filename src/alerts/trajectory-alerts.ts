import { EntityManager, In, IsNull, Not } from "typeorm";
import { PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Target } from "../../entities/target.entity";
import { scoreKpi } from "../attainment/kpi-score";
import { targetInput } from "../attainment/year-data";
import { valuesInForce } from "../measurement/write-measurements";
import { Period, periodLabel } from "../periods";
import { ScoredValue, trajectoryGap } from "./trajectory-gap";

/** The four quarters before a quarter, oldest first. */
function quartersBefore({ year, index }: Period): Period[] {
  return [4, 3, 2, 1].map((back) => {
    const n = year * 4 + (index - 1) - back;
    return { year: Math.floor(n / 4), kind: PeriodKind.QUARTER, index: (n % 4) + 1 };
  });
}

/**
 * The quarterly values a run wrote that are far from their KPI's trajectory, as alert messages:
 * each value (the whole KPI: no unit, no part) scored against its year's latest target, beside the
 * scores of the four quarters in force before it. A KPI without a numeric target has no score and
 * no trajectory to leave.
 */
export async function valuesFarFromTrajectory(
  manager: EntityManager,
  runId: number,
  tolerance: number,
): Promise<string[]> {
  const written = await manager.find(Measurement, {
    where: {
      jobRunId: runId,
      periodKind: PeriodKind.QUARTER,
      orgUnitId: IsNull(),
      breakdown: IsNull(),
      value: Not(IsNull()),
    },
    order: { kpiId: "ASC", year: "ASC", periodIndex: "ASC" },
  });
  if (written.length === 0) return [];
  const kpiIds = [...new Set(written.map((m) => m.kpiId))];
  const years = [...new Set(written.flatMap((m) => [m.year - 1, m.year]))];
  const [kpis, targets, inForce] = await Promise.all([
    manager.findBy(Kpi, { id: In(kpiIds) }),
    manager.find(Target, { where: { kpiId: In(kpiIds), year: In(years) }, order: { effectiveDate: "ASC", id: "ASC" } }),
    valuesInForce(manager, kpiIds, years),
  ]);
  const kpiById = new Map(kpis.map((k) => [k.id, k]));
  const targetOf = new Map(targets.map((t) => [`${t.kpiId}|${t.year}`, targetInput(t)]));
  const scored = (kpi: Kpi, period: Period, value: string | null): ScoredValue | null => {
    const target = targetOf.get(`${kpi.id}|${period.year}`);
    if (value === null || !target) return null;
    const { score } = scoreKpi(Number(value), {
      direction: kpi.direction,
      scoring: kpi.scoring,
      target: target.value,
      bound: target.bound,
      strict: target.strict,
      low: target.low,
      high: target.high,
      tolerance: target.tolerance,
    });
    return score === null ? null : { period: periodLabel(period), score };
  };
  return written.flatMap((m) => {
    const kpi = kpiById.get(m.kpiId)!;
    const period = { year: m.year, kind: PeriodKind.QUARTER, index: m.periodIndex };
    const latest = scored(kpi, period, m.value);
    if (!latest) return [];
    const before = quartersBefore(period).flatMap(
      (p) => scored(kpi, p, inForce.get(kpi.id, p, null)?.value ?? null) ?? [],
    );
    const reason = trajectoryGap(kpi.code, latest, before, tolerance);
    return reason === null ? [] : [reason];
  });
}
