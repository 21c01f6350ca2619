import { PeriodKind } from "../entities/enums";
import { todayInRome } from "../src/dates";
import {
  DONE_BY_YEAR_END,
  DueAndDone,
  Milestone,
  ProgressAccumulator,
  ProgressMethod,
} from "./formulas/piano-quartieri";
import { Period, periodBounds } from "../src/periods";
import { amountCents, date, groupKey, requiredText, RowProblem, text } from "../src/csv/fields";
import { JobDefinition, JobValue } from "./job";

/**
 * Piano Quartieri progress from the works programme, one row per planned milestone.
 *
 * Fields: intervention_id; budget (euro, blank when unknown); milestone_id; planned_date (in the
 * cronoprogramma); done_date (blank while not done); physical_progress (0-100, for the PHYSICAL
 * method). A run measures the year's programme as of the year's end (or today, while the year runs);
 * `dueAndDone` says whether a milestone done late, by then, counts as done.
 */
export const PQ_KPI = "SOL-PIANO-QUARTIERI";

/** The Obiettivi di Direzione that repeat the Solidale target, per year (their KPIs in the plan data). */
export const PQ_MIRRORS: Record<number, string[]> = {
  2019: ["DIR-DG-2019-1-AVANZAMENTO", "DIR-DO-2019-1-AVANZAMENTO"],
  2020: ["DIR-DG-2020-1-AVANZAMENTO", "DIR-DO-2020-1-AVANZAMENTO"],
};

export function pianoQuartieriJob(
  method: ProgressMethod = "MILESTONES",
  dueAndDone: DueAndDone = DONE_BY_YEAR_END,
): JobDefinition<Milestone> {
  const strict =
    dueAndDone.rule === "BY_PLANNED_DATE" ? `, done by the planned date + ${dueAndDone.toleranceDays} days` : "";
  return {
    key: "piano-quartieri",
    description: `Piano Quartieri: progress of the year's works programme (${method}${strict})`,
    dateField: "planned_date",
    periodKinds: [PeriodKind.YEAR],
    // Milestones of one intervention together: the job then keeps only the intervention being read.
    groupField: "intervention_id",

    parse(fields) {
      requiredText(fields, "milestone_id");
      const budget = text(fields, "budget") === null ? null : amountCents(fields, "budget") / 100;
      if (budget !== null && budget <= 0) throw new RowProblem("budget", "must be more than 0, or blank when unknown");
      const progress = text(fields, "physical_progress");
      const physicalProgress = progress === null ? null : Number(progress.replace(",", "."));
      if (physicalProgress !== null && !(physicalProgress >= 0 && physicalProgress <= 100))
        throw new RowProblem(
          "physical_progress",
          `"${String(fields.physical_progress)}" is not a percentage between 0 and 100`,
        );
      return {
        interventionId: groupKey(fields, "intervention_id"),
        budget,
        plannedOn: date(fields, "planned_date")!,
        doneOn: date(fields, "done_date", false),
        physicalProgress,
      };
    },

    dateOf: (milestone) => milestone.plannedOn,

    accumulator(period: Period, grouped: boolean) {
      if (period.kind !== PeriodKind.YEAR)
        throw new Error("piano-quartieri measures a whole year's programme: give a year, e.g. 2019");
      const { end } = periodBounds(period);
      const today = todayInRome();
      const progress = new ProgressAccumulator(end < today ? end : today, method, grouped, dueAndDone);
      return {
        add: (milestone: Milestone) => progress.add(milestone),
        values(): JobValue[] {
          const value = progress.progress();
          return [PQ_KPI, ...(PQ_MIRRORS[period.year] ?? [])].map((kpiCode) => ({
            kpiCode,
            period,
            unitCode: null,
            breakdown: null,
            value: value === null ? null : value.toFixed(2),
            numerator: null,
            denominator: null,
          }));
        },
      };
    },
  };
}
