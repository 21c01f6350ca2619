import { DataSource } from "typeorm";
import { Assignment } from "../../entities/assignment.entity";
import { Employee } from "../../entities/employee.entity";
import { CycleStatus, GateMode } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { IndividualAssessment } from "../../entities/individual-assessment.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { AttainmentService, ReviewedObjective } from "../attainment/attainment-service";
import { unitOnDate } from "../organisation/lineage";
import { dayNumber } from "../dates";
import { yearBounds } from "../periods";
import { computeEligibility, EmployeeInput } from "./eligibility";
import { RuleSet } from "./rule-set";

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
  gate: { open: boolean | null; mode: GateMode; threshold: number; score: number | null };
  /** Every objective's attainment the figures rest on: Solidali, each unit's Direzione and Gestionali. */
  attainment: FrozenAttainment[];
  rows: EligibilityRow[];
}

/**
 * Every employee's eligibility for a year, computed now from the attainment (with the Nucleo's
 * reviews and the year's gate rule), the assignments, the individual assessments and the year's rules.
 */
export async function computeCycleEligibility(
  dataSource: DataSource,
  attainment: AttainmentService,
  year: number,
): Promise<CycleEligibility> {
  const { start: yearStart, end: yearEnd } = yearBounds(year);
  const [{ version, rules }, cycle, units, owned, gate, employees, assignments, assessments] = await Promise.all([
    attainment.inputs.rules(year, null),
    dataSource.manager.findOneBy(EvaluationCycle, { year }),
    attainment.inputs.units(),
    attainment.inputs.objectivesByOwner(year, yearEnd),
    attainment.gate(year, null),
    dataSource.manager.find(Employee, { order: { code: "ASC" } }),
    dataSource.manager.find(Assignment, { order: { validFrom: "ASC", id: "ASC" } }),
    dataSource.manager.find(IndividualAssessment, { where: { year } }),
  ]);
  const assessmentOf = new Map(assessments.map((a) => [a.employeeId, a.score]));
  const assignmentsOf = new Map<number, Assignment[]>();
  for (const a of assignments) assignmentsOf.set(a.employeeId, [...(assignmentsOf.get(a.employeeId) ?? []), a]);
  const spansOf = new Map(
    employees.map((employee) => [
      employee.id,
      (assignmentsOf.get(employee.id) ?? [])
        .filter((a) => a.validFrom <= yearEnd && (a.validTo === null || a.validTo >= yearStart))
        .map((a) => {
          const from = a.validFrom > yearStart ? a.validFrom : yearStart;
          const to = a.validTo !== null && a.validTo < yearEnd ? a.validTo : yearEnd;
          // A unit renamed during the year is scored as the unit it became.
          return { assignment: a, from, to, scoredAs: unitOnDate(a.unitId, yearEnd, units) };
        }),
    ]),
  );
  // Every unit's objectives are scored, not only those of units someone is assigned to.
  const scoredUnits = new Set([
    ...[...spansOf.values()].flat().flatMap((s) => (s.scoredAs === null ? [] : [s.scoredAs])),
    ...owned.keys(),
  ]);
  const unitResults = new Map(
    await Promise.all(
      [...scoredUnits].map(async (id) => [id, await attainment.unit(units.get(id)!, year, null, yearEnd)] as const),
    ),
  );

  const provisional = !(cycle && (cycle.status === CycleStatus.VALIDATED || cycle.status === CycleStatus.CLOSED));
  const complete: Array<{ row: EligibilityRow; input: EmployeeInput }> = [];
  const rows: EligibilityRow[] = employees.map((employee) => {
    const spans = spansOf.get(employee.id)!.map(({ assignment, from, to, scoredAs }) => ({
      unitCode: units.get(assignment.unitId)!.code,
      scoredAs: scoredAs === null ? null : units.get(scoredAs)!.code,
      from,
      to,
      days: dayNumber(to) - dayNumber(from) + 1,
      share: assignment.share,
      unitScore: scoredAs === null ? null : unitResults.get(scoredAs)!.score,
    }));
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
  const frozen = (unit: OrgUnit | null) => (o: ReviewedObjective) => ({
    objective: o.objective.key,
    unit: unit?.code ?? null,
    score: o.score,
    computedScore: o.computedScore,
  });
  return {
    year,
    ruleSetVersion: version,
    rules,
    gate: { open: gate.open, mode: gate.mode, threshold: gate.threshold, score: gate.score },
    attainment: [
      ...gate.objectives.map(frozen(null)),
      ...[...unitResults.values()].flatMap((u) =>
        [...u.direzione.objectives, ...u.gestionale.objectives].map(frozen(u.unit)),
      ),
    ],
    rows,
  };
}
