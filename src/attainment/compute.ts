import { GateMode, KpiDirection, ObjectiveLevel, ScoringRule } from "../../entities/enums";
import { scoreKpi } from "./kpi-score";
import { weightedMean } from "./normalise";
import { PhaseDoneInput, PhaseInput, PhaseShare, phaseShare } from "./phase-progress";
import { italianDate } from "../italian-format";

/** Plain inputs: what the database holds for one year, as of one date. */
export interface KpiInput {
  id: number;
  objectiveId: number;
  code: string;
  weight: number;
  direction: KpiDirection;
  scoring: ScoringRule;
}
export interface TargetInput {
  id: number;
  kpiId: number;
  value: number | null;
  bound: number | null;
  strict?: boolean;
  low?: number | null;
  high?: number | null;
  tolerance?: number | null;
  actId: number;
}
export interface MeasurementInput {
  id: number;
  kpiId: number;
  orgUnitId: number | null;
  value: number | null;
}
export interface ObjectiveInput {
  id: number;
  level: ObjectiveLevel;
  ownerUnitId: number | null;
}

export type Status = "SCORED" | "INCOMPLETE";

export interface KpiResult {
  kpiId: number;
  unitId: number | null;
  status: Status;
  score: number | null;
  value: number | null;
  targetId: number | null;
  measurementId: number | null;
  rule: string | null;
  missing: string | null;
}

export interface ObjectiveResult {
  objectiveId: number;
  unitId: number | null;
  status: Status;
  score: number | null;
  kpis: KpiResult[];
  missing: string | null;
}

const byKpiUnit = (kpiId: number, unitId: number | null) => `${kpiId}|${unitId ?? "-"}`;

export interface YearData {
  kpis: KpiInput[];
  /** At most one target per KPI: the one in force on the date asked. */
  targets: TargetInput[];
  /** The yearly values in force on the date asked, one per KPI and unit. */
  measurements: MeasurementInput[];
  /** The phases planned in the year, and what the units had reported done by the date asked. */
  phases?: PhaseInput[];
  phasesDone?: PhaseDoneInput[];
  /** The day phases are judged on: the date asked, or the year's end. */
  judgedOn?: string;
}

/**
 * Scores one objective for a year. Its KPIs are measured for `unitId` (a directorate's own value
 * for a GESTIONALE objective; the owner, or the administration as a whole, for a DIREZIONE one).
 * A KPI without a value or a numeric target makes the objective INCOMPLETE, never 0.
 */
export function scoreObjective(objective: ObjectiveInput, unitId: number | null, data: YearData): ObjectiveResult {
  // The year's data is read-only once loaded (and shared by requests): each result is worked out once.
  const { scored } = indexOf(data);
  const key = `${objective.id}|${objective.level}|${unitId}`;
  let result = scored.get(key);
  if (!result) scored.set(key, (result = computeObjective(objective, unitId, data)));
  return result;
}

function computeObjective(objective: ObjectiveInput, unitId: number | null, data: YearData): ObjectiveResult {
  const { kpisByObjective, targetByKpi, values } = indexOf(data);
  const kpis = kpisByObjective.get(objective.id) ?? [];
  if (kpis.length === 0) {
    return {
      objectiveId: objective.id,
      unitId,
      status: "INCOMPLETE",
      score: null,
      kpis: [],
      missing: "nessun KPI è definito per l'obiettivo",
    };
  }
  const phases = phasesOf(objective, unitId, data);
  const results = kpis.map((kpi): KpiResult => {
    if (kpi.direction === KpiDirection.MILESTONE && phases) return scoreFromPhases(kpi, unitId, phases, targetByKpi);
    const measurement =
      values.get(byKpiUnit(kpi.id, unitId)) ??
      (unitId !== null && objective.level === ObjectiveLevel.DIREZIONE
        ? values.get(byKpiUnit(kpi.id, null))
        : undefined);
    const target = targetByKpi.get(kpi.id) ?? null;
    const base = {
      kpiId: kpi.id,
      unitId,
      targetId: target?.id ?? null,
      measurementId: measurement?.id ?? null,
      value: measurement?.value ?? null,
    };
    if (!measurement || measurement.value === null)
      return { ...base, status: "INCOMPLETE", score: null, rule: null, missing: "manca il valore dell'anno" };
    if (!target && kpi.direction !== KpiDirection.MILESTONE)
      return { ...base, status: "INCOMPLETE", score: null, rule: null, missing: "manca il target dell'anno" };
    const scored = scoreKpi(measurement.value, {
      direction: kpi.direction,
      scoring: kpi.scoring,
      target: target?.value ?? null,
      bound: target?.bound ?? null,
      strict: target?.strict,
      low: target?.low,
      high: target?.high,
      tolerance: target?.tolerance,
    });
    return scored.score === null
      ? { ...base, status: "INCOMPLETE", score: null, rule: null, missing: scored.missing }
      : { ...base, status: "SCORED", score: scored.score, rule: scored.rule, missing: null };
  });
  // KPIs of weight 0 are reported (counts, amounts) but do not make the score, nor block it.
  const counted = results.filter((_, i) => kpis[i].weight > 0);
  const score = weightedMean(counted.map((r) => ({ score: r.score, weight: kpis[results.indexOf(r)].weight })));
  const incomplete = counted.filter((r) => r.status === "INCOMPLETE").length;
  return {
    objectiveId: objective.id,
    unitId,
    kpis: results,
    score,
    status: score === null ? "INCOMPLETE" : "SCORED",
    missing:
      score === null
        ? counted.length === 0
          ? "nessuno dei suoi KPI ha un peso"
          : `${incomplete} KPI su ${counted.length} non valutabili`
        : null,
  };
}

/**
 * A MILESTONE KPI scores from its objective's phases when the objective has any in the year (a
 * value recorded by hand serves the objectives without a cronoprogramma).
 */
function scoreFromPhases(
  kpi: KpiInput,
  unitId: number | null,
  phases: JudgedPhases,
  targetByKpi: Map<number, TargetInput>,
): KpiResult {
  const share = phases.share;
  const base = { kpiId: kpi.id, unitId, targetId: targetByKpi.get(kpi.id)?.id ?? null, measurementId: null };
  if (share.value === null)
    return { ...base, value: null, status: "INCOMPLETE", score: null, rule: null, missing: share.missing };
  const scored = scoreKpi(share.value, { direction: kpi.direction, scoring: kpi.scoring, target: null, bound: null });
  return {
    ...base,
    value: share.value,
    status: "SCORED",
    score: scored.score,
    rule: `FASI: ${share.doneOnTime} fasi su ${share.due} in scadenza entro il ${italianDate(phases.judgedOn)} concluse in tempo, ponderate; 1 quando tutte sono concluse entro l'ultima data prevista`,
    missing: null,
  };
}

interface JudgedPhases {
  judgedOn: string;
  share: PhaseShare;
}

/** The objective's phases judged for a unit: its own reports, or for a DIREZIONE or whole-administration score, any unit's. */
function phasesOf(objective: ObjectiveInput, unitId: number | null, data: YearData): JudgedPhases | null {
  const { phasesByObjective, doneByPhase } = indexOf(data);
  const phases = phasesByObjective.get(objective.id);
  if (!phases || !data.judgedOn) return null;
  const anyUnit = unitId === null || objective.level === ObjectiveLevel.DIREZIONE;
  const doneDate = (phaseId: number) => {
    const reports = doneByPhase.get(phaseId) ?? [];
    const own = reports.find((r) => r.unitId === unitId);
    return (own ?? (anyUnit ? reports[0] : undefined))?.doneDate ?? null;
  };
  return { judgedOn: data.judgedOn, share: phaseShare(phases, doneDate, data.judgedOn) };
}

interface YearIndex {
  phasesByObjective: Map<number, PhaseInput[]>;
  /** Each phase's done dates by unit, earliest first. */
  doneByPhase: Map<number, PhaseDoneInput[]>;
  kpisByObjective: Map<number, KpiInput[]>;
  targetByKpi: Map<number, TargetInput>;
  values: Map<string, MeasurementInput>;
  /** Results already worked out, by objective, level and unit. */
  scored: Map<string, ObjectiveResult>;
}

const indexes = new WeakMap<YearData, YearIndex>();

/** Lookups by objective, KPI and unit, and the results, built once per year's data (a dashboard scores thousands of objectives). */
function indexOf(data: YearData): YearIndex {
  let index = indexes.get(data);
  if (!index) {
    const kpisByObjective = new Map<number, KpiInput[]>();
    for (const kpi of data.kpis)
      kpisByObjective.set(kpi.objectiveId, [...(kpisByObjective.get(kpi.objectiveId) ?? []), kpi]);
    const phasesByObjective = new Map<number, PhaseInput[]>();
    for (const phase of data.phases ?? [])
      phasesByObjective.set(phase.objectiveId, [...(phasesByObjective.get(phase.objectiveId) ?? []), phase]);
    const doneByPhase = new Map<number, PhaseDoneInput[]>();
    for (const done of [...(data.phasesDone ?? [])].sort((a, b) => a.doneDate.localeCompare(b.doneDate)))
      doneByPhase.set(done.phaseId, [...(doneByPhase.get(done.phaseId) ?? []), done]);
    index = {
      phasesByObjective,
      doneByPhase,
      kpisByObjective,
      targetByKpi: new Map(data.targets.map((t) => [t.kpiId, t])),
      values: new Map(data.measurements.map((m) => [byKpiUnit(m.kpiId, m.orgUnitId), m])),
      scored: new Map(),
    };
    indexes.set(data, index);
  }
  return index;
}

/** A mean of objective scores (equal weights); null when any is incomplete or there are none. */
export function meanOf(results: readonly ObjectiveResult[]): number | null {
  return weightedMean(results.map((r) => ({ score: r.score, weight: 1 })));
}

export interface GateResult {
  /** Null while any Solidale objective is incomplete: the gate cannot be judged yet. */
  open: boolean | null;
  mode: GateMode;
  threshold: number;
  score: number | null;
}

/**
 * The Solidale gate (DESIGN.md §4): no result bonus unless the administration as a whole reaches
 * its Obiettivi Solidali. ALL: every one at 100% of target; WEIGHTED_MEAN: their mean, weighed by
 * `weights` (in the order of the results; equal by default), at least the threshold.
 */
export function solidaleGate(
  results: readonly ObjectiveResult[],
  mode = GateMode.ALL,
  threshold = 1,
  weights: readonly number[] = results.map(() => 1),
): GateResult {
  const score = weightedMean(results.map((r, i) => ({ score: r.score, weight: weights[i] })));
  if (results.length === 0 || results.some((r) => r.score === null)) return { open: null, mode, threshold, score };
  const open = mode === GateMode.ALL ? results.every((r) => (r.score as number) >= 1) : (score as number) >= threshold;
  return { open, mode, threshold, score };
}
