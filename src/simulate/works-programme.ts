import { pick, seededRandom } from "./random";

export interface GeneratedMilestone {
  intervention_id: string;
  budget: string | null;
  milestone_id: string;
  planned_date: string;
  done_date: string | null;
  physical_progress: number | null;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const KINDS = ["SCUOLA", "PARCO", "PIAZZA", "STRADA", "BIBLIOTECA", "CENTRO-SPORTIVO", "ALLOGGI-ERP", "ILLUMINAZIONE"];

/**
 * GENERATED, NOT REAL DATA: a year's Piano Quartieri works programme of a few hundred
 * interventions, each with a cronoprogramma of milestones in the year; most done on time, some
 * late, some not yet; a few interventions without a budget.
 */
export function* generateWorksProgramme(year: number, interventions = 300, seed = 2019): Generator<GeneratedMilestone> {
  const random = seededRandom(seed * 13 + year);
  const start = Date.UTC(year, 0, 1);
  for (let n = 1; n <= interventions; n += 1) {
    const id = `GEN-PQ-${year}-${pick(random, KINDS)}-${String(n).padStart(3, "0")}`;
    const budget = random() < 0.05 ? null : (Math.round((50_000 + random() ** 2 * 5_000_000) * 100) / 100).toFixed(2);
    const milestones = 3 + Math.floor(random() * 4);
    const reliability = random();
    let done = 0;
    for (let k = 1; k <= milestones; k += 1) {
      const planned = start + Math.floor((k / (milestones + 1)) * 365 + random() * 20) * DAY;
      const outcome = random();
      const doneOn =
        outcome < reliability * 0.9
          ? planned - Math.floor(random() * 10) * DAY
          : outcome < 0.9
            ? planned + Math.floor(random() * 120) * DAY
            : null;
      if (doneOn !== null) done += 1;
      yield {
        intervention_id: id,
        budget,
        milestone_id: `${id}-M${k}`,
        planned_date: iso(Math.min(planned, Date.UTC(year, 11, 31))),
        done_date: doneOn === null ? null : iso(doneOn),
        physical_progress: Math.round((100 * done) / milestones),
      };
    }
  }
}
