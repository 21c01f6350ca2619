import { StaffCategory } from "../../entities/enums";
import { RuleSet } from "./rule-set";

/** A period an employee spent in a unit, with the share of full time they worked there. */
export interface AssignmentSpan {
  unitScore: number;
  days: number;
  /** 1 for full time, 0.5 for a half-time part-timer. */
  share: number;
}

/** An employee's time in one category during the year: a promotion splits a year in two. */
export interface EmployeeInput {
  category: StaffCategory;
  /** The individual assessment, 0-100. */
  individualScore: number;
  assignments: readonly AssignmentSpan[];
}

export interface Eligibility {
  unitScore: number;
  composite: number;
  /** The individual premium as a share of the full bonus: after the gate, the threshold and pro rata, before art. 69. */
  premium: number;
  /** Days in service in the year, weighted by the share of time. */
  days: number;
}

/** A directorate's organisational score: its own objectives and its Gestionale contribution. */
export function unitScore(direzione: number, gestionale: number, rules: RuleSet): number {
  return rules.unitScore.direzione * direzione + rules.unitScore.gestionale * gestionale;
}

/** For someone who moved, the day-weighted mean of the units' scores (part-time days weigh their share). */
export function employeeUnitScore(assignments: readonly AssignmentSpan[]): number {
  const weight = serviceDays(assignments);
  if (weight === 0) return 0;
  return assignments.reduce((sum, a) => sum + a.unitScore * a.days * a.share, 0) / weight;
}

/** Days in service, each weighing its share of full time (a half-time year counts 182.5 days). */
export function serviceDays(assignments: ReadonlyArray<{ days: number; share: number }>): number {
  return assignments.reduce((sum, a) => sum + a.days * a.share, 0);
}

/**
 * One employee's premium (DESIGN.md §4): nothing while the Solidale gate is closed; the composite
 * weighs the unit and individual scores by category; below the threshold nothing is paid, from it
 * the premium is the composite, pro rata by days in service (and share of time).
 */
export function scoreEmployee(
  employee: EmployeeInput,
  gateOpen: boolean,
  rules: RuleSet,
  daysInYear: number,
): Eligibility {
  const unit = employeeUnitScore(employee.assignments);
  const weights = rules.composite[employee.category];
  const composite = weights.unit * unit + weights.individual * (employee.individualScore / 100);
  const days = serviceDays(employee.assignments);
  const beforeProRata = gateOpen && composite >= rules.threshold ? composite : 0;
  const premium = rules.proRataByDays ? beforeProRata * Math.min(1, days / daysInYear) : beforeProRata;
  return { unitScore: unit, composite, premium, days };
}
