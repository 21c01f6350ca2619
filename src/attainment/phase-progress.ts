import { milestoneScore } from "./normalise";
import { italianDate } from "../italian-format";

/** A phase of an objective's cronoprogramma planned in the year scored. */
export interface PhaseInput {
  id: number;
  objectiveId: number;
  plannedDate: string;
  weight: number;
}

/** The day a unit reported a phase done, from its latest monitoring report as known then. */
export interface PhaseDoneInput {
  phaseId: number;
  unitId: number;
  doneDate: string;
}

export type PhaseShare = { value: number; due: number; doneOnTime: number } | { value: null; missing: string };

/**
 * A MILESTONE KPI's value from its objective's phases (DESIGN.md §3), judged on a day (the year's
 * end, or an earlier "as of" day): 1 when every phase of the year is done by the last planned
 * date; otherwise the weighted share of the phases due by that day that were done by their own
 * planned date. Nothing due yet is not 0: it cannot be scored.
 */
export function phaseShare(
  phases: readonly PhaseInput[],
  doneDate: (phaseId: number) => string | null,
  judgedOn: string,
): PhaseShare {
  if (phases.length === 0) return { value: null, missing: "nessuna fase è prevista nell'anno" };
  const deadline = phases.reduce((last, p) => (p.plannedDate > last ? p.plannedDate : last), phases[0].plannedDate);
  const completed = phases.every((p) => {
    const done = doneDate(p.id);
    return done !== null && done <= deadline && done <= judgedOn;
  });
  const due = phases.filter((p) => p.plannedDate <= judgedOn);
  if (due.length === 0 && !completed)
    return { value: null, missing: `nessuna fase scade entro il ${italianDate(judgedOn)}` };
  const onTime = due.filter((p) => {
    const done = doneDate(p.id);
    return done !== null && done <= p.plannedDate && done <= judgedOn;
  });
  const value = milestoneScore(
    completed,
    due.map((p) => ({ weight: p.weight, doneByDeadline: onTime.includes(p) })),
  );
  return { value, due: due.length, doneOnTime: onTime.length };
}
