import { DataSource, In, LessThan } from "typeorm";
import { Administration } from "../../entities/administration.entity";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { ObjectiveLevel, PeriodKind } from "../../entities/enums";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Target } from "../../entities/target.entity";
import { AttainmentService } from "../attainment/attainment-service";
import { isFrozen, requireCycle } from "../cycles/cycles";
import { frozenYear } from "../cycles/snapshot";
import { endOfDayInRome, todayInRome } from "../dates";
import { computeCycleEligibility } from "../incentives/cycle-eligibility";
import { evaluatedOf } from "../incentives/evaluation-distribution";
import { reportsInForce } from "../monitoring/reported-state";
import { periodLabel, yearBounds } from "../periods";
import { FrozenFigures, RelazioneInputs } from "./build-relazione";
import { TrendPoint } from "./relazione";

const number = (value: string | null) => (value === null ? null : Number(value));

/**
 * The frozen figures a report as of `asOf` rests on: those of the latest validation when the year
 * is validated or closed and the report is not asked as of a day before that validation.
 */
async function frozenFigures(dataSource: DataSource, year: number, asOf: string | null): Promise<FrozenFigures | null> {
  if (!isFrozen((await requireCycle(dataSource.manager, year)).status)) return null;
  const snapshot = await dataSource.manager.findOne(CycleSnapshot, {
    where: { year },
    order: { takenAt: "DESC", id: "DESC" },
  });
  if (!snapshot || (asOf !== null && asOf < todayInRome(snapshot.takenAt))) return null;
  const rows = await dataSource.manager.findBy(FrozenScore, { snapshotId: snapshot.id });
  const gate = JSON.parse(snapshot.gate) as { open: boolean; score: number | null };
  return {
    takenAt: snapshot.takenAt,
    gate: { open: gate.open, score: gate.score },
    scores: new Map(
      rows.map((r) => [
        `${r.objectiveKey}|${r.unitCode ?? ""}`,
        { score: number(r.score), computedScore: number(r.computedScore) },
      ]),
    ),
  };
}

/**
 * Everything the Relazione of a year shows, as known on `asOf` (null: today), through the one
 * composition of attainment. A frozen year is read as known on its validation's day, which the
 * freeze keeps from moving: the same report, byte for byte, however often it is made.
 */
export async function readRelazioneInputs(
  dataSource: DataSource,
  attainment: AttainmentService,
  year: number,
  asOf: string | null,
): Promise<RelazioneInputs> {
  const { manager } = dataSource;
  const cycle = await requireCycle(manager, year);
  const frozen = await frozenFigures(dataSource, year, asOf);
  const knownOn = frozen ? todayInRome(frozen.takenAt) : (asOf ?? todayInRome());
  const on = frozen ? knownOn : asOf;
  const [administration, gate, units, salute, rules, eligibility] = await Promise.all([
    manager.find(Administration, { order: { id: "ASC" }, take: 1 }),
    attainment.gate(year, on),
    attainment.units(year, on),
    attainment.inputs.activeObjectives(ObjectiveLevel.SALUTE, year),
    attainment.inputs.rules(year, on),
    frozen ? frozenYear(manager, year) : computeCycleEligibility(dataSource, attainment, year),
  ]);
  const health = await Promise.all(salute.map((o) => attainment.objective(o, year, on)));
  const results = [
    ...gate.objectives,
    ...units.flatMap((u) => [...u.direzione.objectives, ...u.gestionale.objectives]),
    ...health,
  ];
  const kpiIds = [...new Set(results.flatMap((r) => r.kpis.map((k) => k.kpiId)))];
  const targetIds = [
    ...new Set(results.flatMap((r) => r.kpis.flatMap((k) => (k.targetId === null ? [] : [k.targetId])))),
  ];
  const healthKpis = health.flatMap((r) => r.kpis.map((k) => k.kpiId));
  const known = endOfDayInRome(knownOn);
  const [kpis, targets, trends, reports, allUnits] = await Promise.all([
    kpiIds.length ? manager.findBy(Kpi, { id: In(kpiIds) }) : [],
    targetIds.length ? manager.findBy(Target, { id: In(targetIds) }) : [],
    trendsOf(dataSource, healthKpis, year, known),
    reportsInForce(manager, [...new Set(results.map((r) => r.objective.id))], yearBounds(year).end),
    attainment.inputs.units(),
  ]);
  return {
    year,
    administration: administration[0]?.name ?? "",
    cycleStatus: cycle.status,
    knownOn,
    frozen,
    ruleSetVersion: frozen ? (eligibility?.ruleSetVersion ?? rules.version) : rules.version,
    rules: frozen && eligibility ? eligibility.rules : rules.rules,
    gate,
    units,
    health,
    kpis: new Map(kpis.map((k) => [k.id, k])),
    targets: new Map(targets.map((t) => [t.id, t])),
    trends,
    reports: reports.filter((r) => r.monitoringDate.startsWith(`${year}-`) && r.reportedAt < known),
    unitsById: allUnits,
    evaluations: evaluatedOf(eligibility?.rows ?? []),
  };
}

/** Each KPI's quarterly (else monthly) values of the year for the whole administration, as known by `known`. */
async function trendsOf(
  dataSource: DataSource,
  kpiIds: readonly number[],
  year: number,
  known: Date,
): Promise<Map<number, TrendPoint[]>> {
  if (kpiIds.length === 0) return new Map();
  const rows = await dataSource.manager.find(Measurement, {
    where: {
      kpiId: In([...kpiIds]),
      year,
      periodKind: In([PeriodKind.QUARTER, PeriodKind.MONTH]),
      recordedAt: LessThan(known),
    },
    order: { periodIndex: "ASC", id: "ASC" },
  });
  const corrected = new Set(rows.flatMap((m) => (m.supersedesId === null ? [] : [m.supersedesId])));
  const trends = new Map<number, TrendPoint[]>();
  for (const kpiId of kpiIds) {
    const own = rows.filter(
      (m) => m.kpiId === kpiId && m.orgUnitId === null && m.breakdown === null && !corrected.has(m.id),
    );
    const kind = own.some((m) => m.periodKind === PeriodKind.QUARTER) ? PeriodKind.QUARTER : PeriodKind.MONTH;
    const points = own
      .filter((m) => m.periodKind === kind)
      .map((m) => ({ period: periodLabel({ year, kind, index: m.periodIndex }), value: number(m.value) }));
    if (points.length) trends.set(kpiId, points);
  }
  return trends;
}
