import { dayNumber } from "../../src/dates";

/**
 * Piano Quartieri progress (DESIGN.md §3): for the works programme of a year, how far the planned
 * milestones (cronoprogramma) dated in the year are done, as of a day.
 *   MILESTONES (default): Σ wᵢ·(milestones due and done)ᵢ / Σ wᵢ·(milestones due)ᵢ, wᵢ the budget
 *   ON_SCHEDULE: the share of interventions with every milestone due by then done
 *   PHYSICAL: Σ budgetᵢ·physical progressᵢ / Σ budgetᵢ
 * An intervention without a budget weighs as the programme's mean budget (all equal when none has one).
 */
export type ProgressMethod = "MILESTONES" | "ON_SCHEDULE" | "PHYSICAL";

/**
 * When a due milestone counts as done: DESIGN's reading, done by the day measured (the year's
 * end); or the stricter one, done by its planned date, late by at most `toleranceDays`.
 */
export interface DueAndDone {
  rule: "BY_YEAR_END" | "BY_PLANNED_DATE";
  toleranceDays: number;
}

export const DONE_BY_YEAR_END: DueAndDone = { rule: "BY_YEAR_END", toleranceDays: 0 };

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
  id: string;
  budget: number | null;
  due: number;
  done: number;
  physical: number | null;
}

/**
 * Sums over the interventions, kept apart for those with a budget (weighed by it) and those
 * without (weighed at the end by the mean budget), so each intervention can be folded in as soon
 * as its milestones are all read.
 */
class Totals {
  budgets = 0;
  budgeted = 0;
  // MILESTONES: weighed done and due milestones of interventions with something due.
  doneWeighed = 0;
  dueWeighed = 0;
  doneUnweighed = 0;
  dueUnweighed = 0;
  // ON_SCHEDULE
  withDue = 0;
  onSchedule = 0;
  // PHYSICAL
  physicalWeighed = 0;
  reportedWeight = 0;
  physicalUnweighed = 0;
  reportedUnweighed = 0;

  add(i: Intervention): void {
    if (i.budget !== null) {
      this.budgets += i.budget;
      this.budgeted += 1;
    }
    if (i.due > 0) {
      this.withDue += 1;
      if (i.done === i.due) this.onSchedule += 1;
      if (i.budget === null) {
        this.doneUnweighed += i.done;
        this.dueUnweighed += i.due;
      } else {
        this.doneWeighed += i.budget * i.done;
        this.dueWeighed += i.budget * i.due;
      }
    }
    if (i.physical !== null) {
      if (i.budget === null) {
        this.physicalUnweighed += i.physical;
        this.reportedUnweighed += 1;
      } else {
        this.physicalWeighed += i.budget * i.physical;
        this.reportedWeight += i.budget;
      }
    }
  }
}

/**
 * Folds the milestones of a year's programme. When they come grouped by intervention it keeps
 * only the intervention being read; otherwise one small record per intervention.
 */
export class ProgressAccumulator {
  private readonly totals = new Totals();
  private readonly open = new Map<string, Intervention>();
  private current: Intervention | null = null;
  private count = 0;

  constructor(
    private readonly asOf: string,
    private readonly method: ProgressMethod = "MILESTONES",
    private readonly grouped = false,
    private readonly dueAndDone: DueAndDone = DONE_BY_YEAR_END,
  ) {}

  add(milestone: Milestone): void {
    let intervention = this.grouped ? this.current : this.open.get(milestone.interventionId);
    if (!intervention || intervention.id !== milestone.interventionId) {
      if (this.grouped && this.current) this.totals.add(this.current);
      intervention = {
        id: milestone.interventionId,
        budget: milestone.budget,
        due: 0,
        done: 0,
        physical: milestone.physicalProgress,
      };
      this.count += 1;
      if (this.grouped) this.current = intervention;
      else this.open.set(intervention.id, intervention);
    }
    intervention.budget ??= milestone.budget;
    intervention.physical ??= milestone.physicalProgress;
    if (milestone.plannedOn <= this.asOf) {
      intervention.due += 1;
      if (
        milestone.doneOn !== null &&
        milestone.doneOn <= this.asOf &&
        this.inTime(milestone.plannedOn, milestone.doneOn)
      )
        intervention.done += 1;
    }
  }

  private inTime(plannedOn: string, doneOn: string): boolean {
    return (
      this.dueAndDone.rule === "BY_YEAR_END" ||
      dayNumber(doneOn) <= dayNumber(plannedOn) + this.dueAndDone.toleranceDays
    );
  }

  /** Progress as a percentage; null when nothing was due yet (or, for PHYSICAL, nothing reported). Ends the reading. */
  progress(): number | null {
    if (this.current) this.totals.add(this.current);
    for (const intervention of this.open.values()) this.totals.add(intervention);
    this.current = null;
    this.open.clear();
    const t = this.totals;
    // An intervention without a budget weighs as the mean budget; all weigh 1 when none has one.
    const unbudgeted = t.budgeted ? t.budgets / t.budgeted : 1;
    const ratio = (numerator: number, denominator: number) =>
      denominator === 0 ? null : (100 * numerator) / denominator;
    switch (this.method) {
      case "MILESTONES":
        return ratio(t.doneWeighed + unbudgeted * t.doneUnweighed, t.dueWeighed + unbudgeted * t.dueUnweighed);
      case "ON_SCHEDULE":
        return ratio(t.onSchedule, t.withDue);
      case "PHYSICAL": {
        const total = t.reportedWeight + unbudgeted * t.reportedUnweighed;
        return total === 0 ? null : (t.physicalWeighed + unbudgeted * t.physicalUnweighed) / total;
      }
    }
  }

  get interventionCount(): number {
    return this.count;
  }
}
