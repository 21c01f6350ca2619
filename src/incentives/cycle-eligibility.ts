import { DataSource } from "typeorm";
import { Assignment } from "../../entities/assignment.entity";
import { Employee } from "../../entities/employee.entity";
import { CycleStatus, ObjectiveLevel } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { IndividualAssessment } from "../../entities/individual-assessment.entity";
import { meanOf, scoreObjective, solidaleGate } from "../attainment/compute";
import { overriddenScore } from "../attainment/reviewed";
import { createLoaders } from "../loaders";
import { unitOnDate } from "../organisation/lineage";
import { dayNumber } from "../dates";
import { yearBounds } from "../periods";
import { computeEligibility } from "./eligibility";
import { DEFAULT_RULES, RuleSet, ruleSetSchema } from "./rule-set";

export interface EligibilityInputs {
  assignments: Array<{
    unitCode: string;
    scoredAs: string | null;
    from: string;
    to: string;
    days: number;
    share: number;
    unitScore: number | null;
  }>;
  assessment: number | null;
}

export interface EligibilityRow {
  employee: Employee;
  /** COMPLETE, or INCOMPLETE with what is missing: never a silent 0. */
  status: "COMPLETE" | "INCOMPLETE";
  missing: string | null;
  gateOpen: boolean;
  unitScore: number | null;
  individualScore: number | null;
  composite: number | null;
  payableShare: number | null;
  days: number;
  ruleSetVersion: number;
  /** True until the Nucleo validated the year (D.Lgs. 150/2009 art. 14 c.6). */
  provisional: boolean;
  inputs: EligibilityInputs;
}

export interface FrozenAttainment {
  objective: string;
  unit: string | null;
  score: number | null;
  computedScore: number | null;
}

export interface CycleEligibility {
  year: number;
  ruleSetVersion: number;
  rules: RuleSet;
  gate: { open: boolean | null; mode: string; threshold: number; score: number | null };
  /** Every objective's attainment the figures rest on: Solidali, each unit's Direzione and Gestionali. */
  attainment: FrozenAttainment[];
  rows: EligibilityRow[];
}

/** The rules in force for a year: the latest version set by act, or the defaults (version 0). */
export async function rulesFor(dataSource: DataSource, year: number): Promise<{ version: number; rules: RuleSet }> {
  const latest = await dataSource.manager.findOne(IncentiveRuleSet, { where: { year }, order: { version: "DESC" } });
  return latest
    ? { version: latest.version, rules: ruleSetSchema.parse(latest.rules) }
    : { version: 0, rules: DEFAULT_RULES };
}

/**
 * Every employee's eligibility for a year, computed now from the attainment (with the Nucleo's
 * reviews), the assignments, the individual assessments and the year's rules.
 */
export async function computeCycleEligibility(dataSource: DataSource, year: number): Promise<CycleEligibility> {
  const loaders = createLoaders(dataSource);
  const { start: yearStart, end: yearEnd } = yearBounds(year);
  const [{ version, rules }, cycle, data, reviews, units, owned, gestionali, solidali] = await Promise.all([
    rulesFor(dataSource, year),
    dataSource.manager.findOneBy(EvaluationCycle, { year }),
    loaders.yearData(year, null),
    loaders.reviews(year, null),
    loaders.allUnits(),
    loaders.objectivesByOwner.load(year, yearEnd),
    loaders.activeObjectives(ObjectiveLevel.GESTIONALE, year),
    loaders.activeObjectives(ObjectiveLevel.SOLIDALE, year),
  ]);
  const attainment: FrozenAttainment[] = [];
  const keyOf = new Map([...solidali, ...gestionali, ...[...owned.values()].flat()].map((o) => [o.id, o.key]));
  const withReview = <T extends { objectiveId: number; unitId: number | null; score: number | null }>(result: T): T => {
    const override = overriddenScore(reviews.filter((r) => r.objectiveId === result.objectiveId));
    attainment.push({
      objective: keyOf.get(result.objectiveId)!,
      unit: result.unitId === null ? null : units.get(result.unitId)!.code,
      score: override ?? result.score,
      computedScore: result.score,
    });
    return override === null ? result : { ...result, score: override };
  };
  const gate = solidaleGate(
    solidali.map((o) => withReview(scoreObjective(o, null, data))),
    rules.gate.mode,
    rules.gate.threshold,
  );

  const unitScores = new Map<number, number | null>();
  const unitScore = (unitId: number): number | null => {
    if (!unitScores.has(unitId)) {
      const direzione = (owned.get(unitId) ?? [])
        .filter((o) => o.level === ObjectiveLevel.DIREZIONE)
        .map((o) => withReview(scoreObjective(o, unitId, data)));
      const unitOverride = overriddenScore(reviews.filter((r) => r.unitId === unitId));
      const direzioneScore = unitOverride ?? (direzione.length ? meanOf(direzione) : null);
      const gestionaleScore = meanOf(gestionali.map((o) => withReview(scoreObjective(o, unitId, data))));
      unitScores.set(
        unitId,
        direzioneScore === null || gestionaleScore === null
          ? null
          : rules.unitScore.direzione * direzioneScore + rules.unitScore.gestionale * gestionaleScore,
      );
    }
    return unitScores.get(unitId)!;
  };

  const [employees, assignments, assessments] = await Promise.all([
    dataSource.manager.find(Employee, { order: { code: "ASC" } }),
    dataSource.manager.find(Assignment, { order: { validFrom: "ASC", id: "ASC" } }),
    dataSource.manager.find(IndividualAssessment, { where: { year } }),
  ]);
  const assessmentOf = new Map(assessments.map((a) => [a.employeeId, a.score]));
  const assignmentsOf = new Map<number, Assignment[]>();
  for (const a of assignments) assignmentsOf.set(a.employeeId, [...(assignmentsOf.get(a.employeeId) ?? []), a]);
  const provisional = !(cycle && (cycle.status === CycleStatus.VALIDATED || cycle.status === CycleStatus.CLOSED));
  const complete: Array<{ row: EligibilityRow; input: Parameters<typeof computeEligibility>[0][number] }> = [];
  const rows: EligibilityRow[] = employees.map((employee) => {
    const spans = (assignmentsOf.get(employee.id) ?? [])
      .filter((a) => a.validFrom <= yearEnd && (a.validTo === null || a.validTo >= yearStart))
      .map((a) => {
        const from = a.validFrom > yearStart ? a.validFrom : yearStart;
        const to = a.validTo !== null && a.validTo < yearEnd ? a.validTo : yearEnd;
        // A unit renamed during the year is scored as the unit it became.
        const scoredAs = unitOnDate(a.unitId, yearEnd, units);
        const unit = units.get(a.unitId)!;
        return {
          unitCode: unit.code,
          scoredAs: scoredAs === null ? null : units.get(scoredAs)!.code,
          from,
          to,
          days: dayNumber(to) - dayNumber(from) + 1,
          share: a.share,
          unitScore: scoredAs === null ? null : unitScore(scoredAs),
        };
      });
    const assessment = assessmentOf.get(employee.id) ?? null;
    const missing =
      spans.length === 0
        ? `no assignment in ${year}`
        : spans.some((s) => s.unitScore === null)
          ? `no unit score for ${spans
              .filter((s) => s.unitScore === null)
              .map((s) => s.unitCode)
              .join(", ")} (attainment incomplete)`
          : assessment === null
            ? `no individual assessment for ${year}`
            : null;
    const row: EligibilityRow = {
      employee,
      status: missing ? "INCOMPLETE" : "COMPLETE",
      missing,
      gateOpen: gate.open === true,
      unitScore: null,
      individualScore: assessment,
      composite: null,
      payableShare: null,
      days: spans.reduce((sum, s) => sum + s.days * s.share, 0),
      ruleSetVersion: version,
      provisional,
      inputs: { assignments: spans, assessment },
    };
    if (!missing) {
      complete.push({
        row,
        input: {
          employeeId: employee.id,
          category: employee.category,
          individualScore: assessment!,
          assignments: spans.map((s) => ({ unitScore: s.unitScore!, days: s.days, share: s.share })),
        },
      });
    }
    return row;
  });
  const daysInYear = dayNumber(yearEnd) - dayNumber(yearStart) + 1;
  const results = computeEligibility(
    complete.map((c) => c.input),
    gate.open === true,
    rules,
    daysInYear,
  );
  results.forEach((result, i) =>
    Object.assign(complete[i].row, {
      unitScore: result.unitScore,
      composite: result.composite,
      payableShare: result.payableShare,
    }),
  );
  // Every unit's objectives are scored, not only those of units someone is assigned to.
  for (const unitId of owned.keys()) unitScore(unitId);
  return { year, ruleSetVersion: version, rules, gate, attainment, rows };
}
