import { StaffCategory } from "../../entities/enums";
import { RuleSet } from "./rule-set";

/** A period an employee spent in a unit, with the share of full time they worked there. */
export interface AssignmentSpan {
  unitScore: number;
  days: number;
  /** 1 for full time, 0.5 for a half-time part-timer. */
  share: number;
}

export interface EmployeeInput {
  employeeId: number;
  category: StaffCategory;
  /** The individual assessment, 0-100. */
  individualScore: number;
  assignments: AssignmentSpan[];
}

export interface Eligibility {
  employeeId: number;
  gateOpen: boolean;
  unitScore: number;
  individualScore: number;
  composite: number;
  /** Share of the full bonus payable, after the threshold, pro rata and differentiation. */
  payableShare: number;
  /** Days in service in the year, weighted by the share of time. */
  days: number;
  uplifted: boolean;
}

/** A directorate's organisational score: its own objectives and its Gestionale contribution. */
export function unitScore(direzione: number, gestionale: number, rules: RuleSet): number {
  return rules.unitScore.direzione * direzione + rules.unitScore.gestionale * gestionale;
}

/** For someone who moved, the day-weighted mean of the units' scores (part-time days weigh their share). */
export function employeeUnitScore(assignments: readonly AssignmentSpan[]): number {
  const weight = assignments.reduce((sum, a) => sum + a.days * a.share, 0);
  if (weight === 0) return 0;
  return assignments.reduce((sum, a) => sum + a.unitScore * a.days * a.share, 0) / weight;
}

/**
 * Eligibility of everyone in a cycle (DESIGN.md §4). Nothing is payable while the Solidale gate is
 * closed. The composite weighs the unit and individual scores by category; below the threshold
 * nothing is paid, from it the payable share is the composite; pro rata by days in service (and
 * share of time); art. 69 uplifts the best-rated share of staff.
 */
export function computeEligibility(
  employees: readonly EmployeeInput[],
  gateOpen: boolean,
  rules: RuleSet,
  daysInYear: number,
): Eligibility[] {
  const results = employees.map((employee): Eligibility => {
    const unit = employeeUnitScore(employee.assignments);
    const individual = employee.individualScore / 100;
    const weights = rules.composite[employee.category];
    const composite = weights.unit * unit + weights.individual * individual;
    const days = employee.assignments.reduce((sum, a) => sum + a.days * a.share, 0);
    const beforeProRata = gateOpen && composite >= rules.threshold ? composite : 0;
    const payableShare = rules.proRataByDays ? beforeProRata * Math.min(1, days / daysInYear) : beforeProRata;
    return {
      employeeId: employee.employeeId,
      gateOpen,
      unitScore: unit,
      individualScore: employee.individualScore,
      composite,
      payableShare,
      days,
      uplifted: false,
    };
  });
  return rules.differentiation ? differentiate(results, rules.differentiation) : results;
}

/** The top `quota` of staff by individual score (ties included) get their payable share raised by `uplift`. */
function differentiate(results: Eligibility[], { quota, uplift }: { quota: number; uplift: number }): Eligibility[] {
  const paid = results.filter((r) => r.payableShare > 0);
  const places = Math.floor(paid.length * quota);
  if (places === 0) return results;
  const cutoff = [...paid].sort((a, b) => b.individualScore - a.individualScore)[places - 1].individualScore;
  return results.map((r) =>
    r.payableShare > 0 && r.individualScore >= cutoff
      ? { ...r, payableShare: r.payableShare * (1 + uplift), uplifted: true }
      : r,
  );
}

/**
 * D.Lgs. 150/2009 art. 18 forbids spreading bonuses evenly: true when everyone paid gets the same
 * share (among more than one person).
 */
export function isFlatDistribution(results: readonly Eligibility[]): boolean {
  const paid = results.filter((r) => r.payableShare > 0).map((r) => r.payableShare);
  return paid.length > 1 && paid.every((share) => Math.abs(share - paid[0]) < 1e-9);
}
