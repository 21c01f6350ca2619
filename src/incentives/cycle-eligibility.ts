import { DataSource, EntityManager } from "typeorm";
import { Assignment } from "../../entities/assignment.entity";
import { Employee } from "../../entities/employee.entity";
import { GateMode, StaffCategory } from "../../entities/enums";
import { IndividualAssessment } from "../../entities/individual-assessment.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { AttainmentService, ReviewedObjective } from "../attainment/attainment-service";
import { unitOnDate } from "../organisation/lineage";
import { dayNumber } from "../dates";
import { yearBounds } from "../periods";
import { readEntities } from "../read-entities";
import { IncompleteReason } from "./reasons";
import { RuleSet } from "./rule-set";
import { settle } from "./settle";

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

/** An employee's eligibility for the part of the year spent in one category. */
export interface EligibilityRow {
  /** The employee as known now (as frozen, once the year is validated), with the category held now. */
  employee: { id: number; code: string; name: string; category: StaffCategory };
  /** The category held over these assignments. */
  category: StaffCategory;
  /** COMPLETE, or INCOMPLETE with the reasons: never a silent 0. */
  status: "COMPLETE" | "INCOMPLETE";
  reasons: IncompleteReason[];
  /** Null while the gate cannot be judged. */
  gateOpen: boolean | null;
  unitScore: number | null;
  individualScore: number | null;
  composite: number | null;
  /** The premium plus the art. 69 maggiorazione. */
  payableShare: number | null;
  maggiorazione: number | null;
  art69Rank: number | null;
  amountCents: number | null;
  days: number;
  inputs: EligibilityInputs;
}

export interface FrozenAttainment {
  objective: string;
  unit: string | null;
  score: number | null;
  computedScore: number | null;
}

/** A year's eligibility as it is shown: computed (provisional) before validation, frozen from it. */
export interface YearEligibility {
  year: number;
  ruleSetVersion: number;
  rules: RuleSet;
  /** True until the Nucleo validated the year (D.Lgs. 150/2009 art. 14 c.6). */
  provisional: boolean;
  gate: { open: boolean | null; mode: GateMode; threshold: number; score: number | null; incomplete: string[] };
  rows: EligibilityRow[];
}

export interface CycleEligibility extends YearEligibility {
  /** Every objective's attainment the figures rest on: Solidali, each unit's Direzione and Gestionali. */
  attainment: FrozenAttainment[];
}

/**
 * Each employee's assessment of the year, by employee id: the score alone, read as its column
 * reads it (a number), without hydrating who recorded it and when for the whole staff.
 */
async function assessmentsOf(manager: EntityManager, year: number): Promise<Map<number, number>> {
  const rows = await manager
    .createQueryBuilder(IndividualAssessment, "a")
    .select("a.employeeId", "employeeId")
    .addSelect("a.score", "score")
    .where("a.year = :year", { year })
    .getRawMany<{ employeeId: number | string; score: number | string }>();
  return new Map(rows.map((r) => [Number(r.employeeId), Number(r.score)]));
}

/** Each stretch of the year in a unit, grouped by the category held then, in the order they came. */
function segments(assignments: readonly Assignment[], yearStart: string, yearEnd: string) {
  // A list, not a map: an employee holds one or two categories a year, and a city has 150,000 employees.
  const byCategory: Array<[StaffCategory, Array<{ assignment: Assignment; from: string; to: string }>]> = [];
  for (const a of assignments) {
    if (a.validFrom > yearEnd || (a.validTo !== null && a.validTo < yearStart)) continue;
    const from = a.validFrom > yearStart ? a.validFrom : yearStart;
    const to = a.validTo !== null && a.validTo < yearEnd ? a.validTo : yearEnd;
    const held = byCategory.find(([category]) => category === a.category);
    if (held) held[1].push({ assignment: a, from, to });
    else byCategory.push([a.category, [{ assignment: a, from, to }]]);
  }
  return byCategory;
}

/**
 * Every employee's eligibility for a year, computed now from the attainment (with the Nucleo's
 * reviews and the year's gate rule), the assignments, the individual assessments and the year's
 * rules: one row per category held in the year (a promotion splits it, each part by its own rules).
 */
export async function computeCycleEligibility(
  dataSource: DataSource,
  attainment: AttainmentService,
  year: number,
): Promise<CycleEligibility> {
  const { start: yearStart, end: yearEnd } = yearBounds(year);
  const [{ version, rules }, units, owned, gate, employees, assignments, assessments] = await Promise.all([
    attainment.inputs.rules(year, null),
    attainment.inputs.units(),
    attainment.inputs.objectivesByOwner(year, yearEnd),
    attainment.gate(year, null),
    readEntities(dataSource.manager.createQueryBuilder(Employee, "e").orderBy("e.code")),
    readEntities(dataSource.manager.createQueryBuilder(Assignment, "a").orderBy("a.validFrom").addOrderBy("a.id")),
    assessmentsOf(dataSource.manager, year),
  ]);
  const assignmentsOf = new Map<number, Assignment[]>();
  for (const a of assignments) {
    const list = assignmentsOf.get(a.employeeId);
    if (list) list.push(a);
    else assignmentsOf.set(a.employeeId, [a]);
  }
  // A unit renamed during the year is scored as the unit it became.
  const scoredAs = new Map([...units.keys()].map((id) => [id, unitOnDate(id, yearEnd, units)]));
  const parts = employees.flatMap((employee) =>
    segments(assignmentsOf.get(employee.id) ?? [], yearStart, yearEnd).map(([category, spans]) => ({
      employee,
      category,
      spans,
    })),
  );
  // Every unit's objectives are scored, not only those of units someone is assigned to.
  const scoredUnits = new Set([
    ...parts.flatMap((p) => p.spans.flatMap((s) => scoredAs.get(s.assignment.unitId) ?? [])),
    ...owned.keys(),
  ]);
  const unitResults = new Map(
    await Promise.all(
      [...scoredUnits].map(async (id) => [id, await attainment.unit(units.get(id)!, year, null, yearEnd)] as const),
    ),
  );
  const inputs = parts.map(({ employee, spans }) => ({
    assessment: assessments.get(employee.id) ?? null,
    assignments: spans.map(({ assignment, from, to }) => {
      const scored = scoredAs.get(assignment.unitId) ?? null;
      return {
        unitCode: units.get(assignment.unitId)!.code,
        scoredAs: scored === null ? null : units.get(scored)!.code,
        from,
        to,
        days: dayNumber(to) - dayNumber(from) + 1,
        share: assignment.share,
        unitScore: scored === null ? null : unitResults.get(scored)!.score,
      };
    }),
  }));
  const incomplete = gate.objectives.filter((o) => o.score === null).map((o) => o.objective.key);
  const settled = settle(
    parts.map((part, i) => ({
      code: part.employee.code,
      category: part.category,
      assessment: inputs[i].assessment,
      spans: inputs[i].assignments,
    })),
    { open: gate.open, incomplete },
    rules,
    year,
    dayNumber(yearEnd) - dayNumber(yearStart) + 1,
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
    // Figures computed afresh are provisional; those frozen at validation are read from the snapshot.
    provisional: true,
    gate: { open: gate.open, mode: gate.mode, threshold: gate.threshold, score: gate.score, incomplete },
    attainment: [
      ...gate.objectives.map(frozen(null)),
      ...[...unitResults.values()].flatMap((u) =>
        [...u.direzione.objectives, ...u.gestionale.objectives].map(frozen(u.unit)),
      ),
    ],
    rows: parts.map(({ employee, category }, i) => ({
      employee: { id: employee.id, code: employee.code, name: employee.name, category: employee.category },
      category,
      status: settled[i].status,
      reasons: settled[i].reasons,
      gateOpen: gate.open,
      unitScore: settled[i].unitScore,
      individualScore: inputs[i].assessment,
      composite: settled[i].composite,
      payableShare: settled[i].payableShare,
      maggiorazione: settled[i].maggiorazione,
      art69Rank: settled[i].rank,
      amountCents: settled[i].amountCents,
      days: settled[i].days,
      inputs: inputs[i],
    })),
  };
}
