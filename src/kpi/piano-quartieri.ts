/**
 * Piano Quartieri progress (DESIGN.md §3): for the works programme of a year, how far the planned
 * milestones (cronoprogramma) dated in the year are done, as of a day.
 *   MILESTONES (default): Σ wᵢ·(milestones due and done)ᵢ / Σ wᵢ·(milestones due)ᵢ, wᵢ the budget
 *   ON_SCHEDULE: the share of interventions with every milestone due by then done
 *   PHYSICAL: Σ budgetᵢ·physical progressᵢ / Σ budgetᵢ
 * An intervention without a budget weighs as the programme's mean budget (all equal when none has one).
 */
export type ProgressMethod = "MILESTONES" | "ON_SCHEDULE" | "PHYSICAL";

export interface Milestone {
  interventionId: string;
  /** Euro; null when the programme gives none. */
  budget: number | null;
  plannedOn: string;
  doneOn: string | null;
  /** The intervention's physical progress, 0-100 (for PHYSICAL). */
  physicalProgress: number | null;
}

interface Intervention {
  budget: number | null;
  due: number;
  done: number;
  physical: number | null;
}

/** Folds the milestones of a year's programme; keeps one small record per intervention. */
export class ProgressAccumulator {
  private readonly interventions = new Map<string, Intervention>();

  constructor(private readonly asOf: string, private readonly method: ProgressMethod = "MILESTONES") {}

  add(milestone: Milestone): void {
    const intervention = this.interventions.get(milestone.interventionId) ?? { budget: milestone.budget, due: 0, done: 0, physical: milestone.physicalProgress };
    intervention.budget ??= milestone.budget;
    intervention.physical ??= milestone.physicalProgress;
    if (milestone.plannedOn <= this.asOf) {
      intervention.due += 1;
      if (milestone.doneOn !== null && milestone.doneOn <= this.asOf) intervention.done += 1;
    }
    this.interventions.set(milestone.interventionId, intervention);
  }

  /** Progress as a percentage; null when nothing was due yet (or, for PHYSICAL, nothing reported). */
  progress(): number | null {
    const all = [...this.interventions.values()];
    const budgets = all.flatMap((i) => (i.budget === null ? [] : [i.budget]));
    const meanBudget = budgets.length ? budgets.reduce((a, b) => a + b, 0) / budgets.length : 1;
    const weight = (i: Intervention) => (budgets.length ? i.budget ?? meanBudget : 1);
    const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : (100 * numerator) / denominator);
    switch (this.method) {
      case "MILESTONES": {
        const due = all.filter((i) => i.due > 0);
        return ratio(due.reduce((sum, i) => sum + weight(i) * i.done, 0), due.reduce((sum, i) => sum + weight(i) * i.due, 0));
      }
      case "ON_SCHEDULE": {
        const due = all.filter((i) => i.due > 0);
        return ratio(due.filter((i) => i.done === i.due).length, due.length);
      }
      case "PHYSICAL": {
        const reported = all.filter((i) => i.physical !== null);
        const total = reported.reduce((sum, i) => sum + weight(i), 0);
        // Physical progress is already a percentage: its weighted mean is the programme's.
        return total === 0 ? null : reported.reduce((sum, i) => sum + weight(i) * (i.physical as number), 0) / total;
      }
    }
  }

  get interventionCount(): number {
    return this.interventions.size;
  }
}
