import { CycleStatus, GateMode, ReviewDecision } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { MonitoringReport } from "../../entities/monitoring-report.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Review } from "../../entities/review.entity";
import { Target } from "../../entities/target.entity";
import { GateAttainment, ReviewedObjective, UnitResult } from "../attainment/attainment-service";
import { weightedMean } from "../attainment/normalise";
import { overriddenScore } from "../attainment/reviewed";
import { todayInRome } from "../dates";
import { ENUM_LABELS } from "../enum-labels";
import { unitScore } from "../incentives/eligibility";
import { Evaluated, evaluationDistribution } from "../incentives/evaluation-distribution";
import { RuleSet } from "../incentives/rule-set";
import {
  DecisionLine,
  GapReason,
  HealthLine,
  KpiLine,
  ObjectiveLine,
  Relazione,
  TrendPoint,
  UnitSection,
} from "./relazione";

/** The figures the Nucleo's validation froze: they win over anything computed now. */
export interface FrozenFigures {
  takenAt: Date;
  gate: { open: boolean; score: number | null };
  /** Score in force and computed score by "objectiveKey|unitCode" ("objectiveKey|" for the administration). */
  scores: ReadonlyMap<string, { score: number | null; computedScore: number | null }>;
}

/** What the Relazione is made of, read beforehand (src/report/relazione-inputs.ts). */
export interface RelazioneInputs {
  year: number;
  administration: string;
  cycleStatus: CycleStatus;
  knownOn: string;
  frozen: FrozenFigures | null;
  ruleSetVersion: number;
  rules: RuleSet;
  gate: GateAttainment;
  units: UnitResult[];
  health: ReviewedObjective[];
  kpis: ReadonlyMap<number, Kpi>;
  targets: ReadonlyMap<number, Target>;
  /** Each health KPI's values in the year, period by period. */
  trends: ReadonlyMap<number, TrendPoint[]>;
  /** The monitoring reports of the year in force on the report's day. */
  reports: readonly MonitoringReport[];
  unitsById: ReadonlyMap<number, OrgUnit>;
  evaluations: readonly Evaluated[];
}

const label = (enumName: string, value: string) => ENUM_LABELS[enumName]?.[value] ?? value;
const mean = (scores: ReadonlyArray<number | null>) => weightedMean(scores.map((score) => ({ score, weight: 1 })));

function statusOf(score: number | null): string {
  if (score === null) return "Incompleto";
  return score >= 1 ? "Raggiunto" : score > 0 ? "Parzialmente raggiunto" : "Non raggiunto";
}

/**
 * The Relazione sulla Performance of a year from its figures: the Solidale gate, each directorate's
 * objectives with their gaps and reasons, the health indicators with their trend, the Nucleo's
 * decisions and the spread of the evaluations. A frozen year's scores are the frozen ones.
 */
export function buildRelazione(inputs: RelazioneInputs): Relazione {
  const { frozen } = inputs;
  const frozenScore = (key: string, unitCode: string | null) => frozen?.scores.get(`${key}|${unitCode ?? ""}`);
  const line = (result: ReviewedObjective, unitCode: string | null): ObjectiveLine => {
    const held = frozenScore(result.objective.key, unitCode);
    const score = held ? held.score : result.score;
    return {
      key: result.objective.key,
      title: result.objective.title,
      score,
      computedScore: held ? held.computedScore : result.computedScore,
      status: statusOf(score),
      gap: score === null ? null : Math.max(0, 1 - score),
      kpis: result.kpis.map((k) => kpiLine(inputs, k.kpiId, k.targetId, k.value, k.score)),
      reasons: reasonsOf(inputs, result, unitCode),
    };
  };
  const solidali = inputs.gate.objectives.map((o) => line(o, null));
  const units = inputs.units
    .map((u): UnitSection => {
      const objectives = u.direzione.objectives.map((o) => line(o, u.unit.code));
      const gestionali = u.gestionale.objectives.map((o) => line(o, u.unit.code));
      // Frozen: the unit's scores follow from the frozen objective scores by the year's rules.
      const direzioneScore = frozen
        ? (overriddenScore(u.reviews) ?? mean(objectives.map((o) => o.score)))
        : u.direzione.score;
      const gestionaleScore = frozen ? mean(gestionali.map((o) => o.score)) : u.gestionale.score;
      const score = !frozen
        ? u.score
        : direzioneScore === null || gestionaleScore === null
          ? null
          : unitScore(direzioneScore, gestionaleScore, inputs.rules);
      return { code: u.unit.code, name: u.unit.name, direzioneScore, gestionaleScore, score, objectives, gestionali };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const gate = inputs.gate;
  return {
    year: inputs.year,
    administration: inputs.administration,
    provisional: frozen === null,
    cycleStatus: label("CycleStatus", inputs.cycleStatus),
    knownOn: inputs.knownOn,
    frozenAt: frozen ? frozen.takenAt.toISOString() : null,
    ruleSetVersion: inputs.ruleSetVersion,
    gate: {
      open: frozen ? frozen.gate.open : gate.open,
      computedOpen: gate.computedOpen,
      rule:
        gate.mode === GateMode.ALL
          ? label("GateMode", gate.mode)
          : `${label("GateMode", gate.mode)} (soglia ${Math.round(gate.threshold * 1000) / 10}%)`,
      score: frozen ? frozen.gate.score : gate.score,
      objectives: solidali,
    },
    units,
    health: healthLines(inputs),
    decisions: decisionLines(inputs, solidali, units),
    distribution: evaluationDistribution(inputs.evaluations).map((g) => ({
      category: label("StaffCategory", g.category),
      unitCode: g.unitCode,
      evaluated: g.evaluated,
      distinctScores: g.distinctScores,
      minScore: g.minScore,
      meanScore: g.meanScore,
      topScore: g.topScore,
      shareAtTop: g.shareAtTop,
      scores: g.scores.map((s) => `${s.score} × ${s.count}`).join("; "),
    })),
  };
}

function kpiLine(
  inputs: RelazioneInputs,
  kpiId: number,
  targetId: number | null,
  value: number | null,
  score: number | null,
): KpiLine {
  const kpi = inputs.kpis.get(kpiId)!;
  const target = targetId === null ? undefined : inputs.targets.get(targetId);
  return {
    code: kpi.code,
    name: kpi.name,
    target: target?.description ?? "—",
    value,
    unit: label("KpiUnit", kpi.unit),
    score,
  };
}

/** The gaps the objective's units explained (for a unit's objective, that unit's own reports). */
function reasonsOf(inputs: RelazioneInputs, result: ReviewedObjective, unitCode: string | null): GapReason[] {
  return inputs.reports
    .filter((r) => r.objectiveId === result.objective.id)
    .map((r) => ({ report: r, unit: inputs.unitsById.get(r.unitId)!.code }))
    .filter(({ unit }) => unitCode === null || unit === unitCode)
    .flatMap(({ report, unit }) =>
      report.gaps.map((g) => ({
        monitoringDate: report.monitoringDate,
        unitCode: unit,
        kpiCode: g.kpiCode,
        reason: g.reason,
        correctiveAction: g.correctiveAction,
      })),
    );
}

function healthLines(inputs: RelazioneInputs): HealthLine[] {
  return inputs.health.flatMap((result) =>
    result.kpis.map((k) => ({
      group: result.objective.healthGroup ? label("HealthGroup", result.objective.healthGroup) : "—",
      objectiveKey: result.objective.key,
      objectiveTitle: result.objective.title,
      kpi: kpiLine(inputs, k.kpiId, k.targetId, k.value, k.score),
      trend: inputs.trends.get(k.kpiId) ?? [],
    })),
  );
}

/** Every decision of the Nucleo on the year, oldest first, with what the figures give without it. */
function decisionLines(inputs: RelazioneInputs, solidali: ObjectiveLine[], units: UnitSection[]): DecisionLine[] {
  const decided: Array<{
    review: Review;
    subject: string;
    computedScore: number | null;
    computedGateOpen: boolean | null;
  }> = [];
  const add = (reviews: readonly Review[], subject: string, computedScore: number | null, gateOpen: boolean | null) =>
    decided.push(...reviews.map((review) => ({ review, subject, computedScore, computedGateOpen: gateOpen })));
  add(inputs.gate.reviews, "Obiettivi Solidali nel loro insieme", inputs.gate.score, inputs.gate.computedOpen);
  inputs.gate.objectives.forEach((o, i) =>
    add(o.reviews, `${o.objective.key} ${o.objective.title}`, solidali[i].computedScore, null),
  );
  for (const u of inputs.units) {
    const section = units.find((s) => s.code === u.unit.code)!;
    add(u.reviews, `${u.unit.code} ${u.unit.name}: Obiettivi di Direzione`, u.direzione.computedScore, null);
    u.direzione.objectives.forEach((o, i) =>
      add(o.reviews, `${o.objective.key} ${o.objective.title}`, section.objectives[i].computedScore, null),
    );
    u.gestionale.objectives.forEach((o, i) =>
      add(o.reviews, `${o.objective.key} in ${u.unit.code}`, section.gestionali[i].computedScore, null),
    );
  }
  for (const o of inputs.health) add(o.reviews, `${o.objective.key} ${o.objective.title}`, o.computedScore, null);
  return decided
    .sort((a, b) => a.review.decidedAt.getTime() - b.review.decidedAt.getTime() || a.review.id - b.review.id)
    .map(({ review, subject, computedScore, computedGateOpen }) => ({
      subject,
      decision: label("ReviewDecision", review.decision),
      score: review.decision === ReviewDecision.OVERRIDDEN ? review.score : null,
      gateOpen: review.gateOpen,
      computedScore,
      computedGateOpen,
      comment: review.comment,
      decidedOn: todayInRome(review.decidedAt),
    }));
}
