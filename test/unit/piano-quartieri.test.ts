import { Milestone, ProgressAccumulator } from "../../jobs/formulas/piano-quartieri";
import { generateWorksProgramme } from "../../src/simulate/works-programme";

const m = (
  interventionId: string,
  budget: number | null,
  plannedOn: string,
  doneOn: string | null,
  physicalProgress: number | null = null,
): Milestone => ({ interventionId, budget, plannedOn, doneOn, physicalProgress });

describe("Piano Quartieri progress", () => {
  // A school (budget 300k): 2 milestones due by 31 Dec, 1 done. A park (100k): 2 due, 2 done.
  const programme = [
    m("SCUOLA", 300_000, "2019-03-31", "2019-03-20"),
    m("SCUOLA", 300_000, "2019-09-30", null),
    m("PARCO", 100_000, "2019-06-30", "2019-06-30"),
    m("PARCO", 100_000, "2019-11-30", "2019-12-20"),
  ];

  it("weights milestones by budget: (300k × 1 + 100k × 2) / (300k × 2 + 100k × 2) = 62.5%", () => {
    const progress = new ProgressAccumulator("2019-12-31");
    programme.forEach((x) => progress.add(x));
    expect(progress.progress()).toBe(62.5);
  });

  it("counts a milestone done late only once it is done: as of 30 Nov the park's second is due but not done", () => {
    const progress = new ProgressAccumulator("2019-11-30");
    programme.forEach((x) => progress.add(x));
    // Due: school 2 (1 done), park 2 (1 done): (300k + 100k) / (600k + 200k) = 50%.
    expect(progress.progress()).toBe(50);
  });

  it("leaves out a milestone moved to a later date: not due yet", () => {
    const progress = new ProgressAccumulator("2019-12-31");
    [...programme.slice(0, 1), m("SCUOLA", 300_000, "2020-03-31", null), ...programme.slice(2)].forEach((x) =>
      progress.add(x),
    );
    // School 1 due, 1 done; park 2 due, 2 done: 100%.
    expect(progress.progress()).toBe(100);
  });

  it("weighs an intervention without budget as the programme's mean budget", () => {
    const progress = new ProgressAccumulator("2019-12-31");
    [...programme, m("PIAZZA", null, "2019-05-31", null)].forEach((x) => progress.add(x));
    // Mean budget 200k: (300k + 200k + 0) / (600k + 200k + 200k) = 50%.
    expect(progress.progress()).toBe(50);
  });

  it("weighs interventions equally when none has a budget, and has no value before anything is due", () => {
    const equal = new ProgressAccumulator("2019-12-31");
    [m("A", null, "2019-01-31", "2019-01-31"), m("B", null, "2019-01-31", null)].forEach((x) => equal.add(x));
    expect(equal.progress()).toBe(50);
    const early = new ProgressAccumulator("2019-01-15");
    programme.forEach((x) => early.add(x));
    expect(early.progress()).toBeNull();
  });

  it("reads due and done strictly when told: done by the planned date, or within a tolerance", () => {
    const fold = (toleranceDays: number) => {
      const progress = new ProgressAccumulator("2019-12-31", "MILESTONES", false, {
        rule: "BY_PLANNED_DATE",
        toleranceDays,
      });
      programme.forEach((x) => progress.add(x));
      return progress.progress();
    };
    // The park's second, planned 30 Nov, was done 20 Dec: 20 days late. On time: the school's first
    // (20 Mar for 31 Mar) and the park's first (on the day): (300k × 1 + 100k × 1) / 800k = 50%.
    expect(fold(0)).toBe(50);
    expect(fold(19)).toBe(50);
    // 30 Nov + 20 days = 20 Dec: on time, as by the year's end: (300k + 200k) / 800k = 62.5%.
    expect(fold(20)).toBe(62.5);
  });

  it("offers the share of interventions on schedule, and physical progress by value", () => {
    const onSchedule = new ProgressAccumulator("2019-12-31", "ON_SCHEDULE");
    programme.forEach((x) => onSchedule.add(x));
    expect(onSchedule.progress()).toBe(50); // the park is on schedule, the school is not
    const physical = new ProgressAccumulator("2019-12-31", "PHYSICAL");
    [m("SCUOLA", 300_000, "2019-03-31", null, 40), m("PARCO", 100_000, "2019-06-30", null, 80)].forEach((x) =>
      physical.add(x),
    );
    expect(physical.progress()).toBe(50); // (300k × 40 + 100k × 80) / 400k
  });
});

describe("ProgressAccumulator over milestones grouped by intervention", () => {
  const milestones: Milestone[] = [...generateWorksProgramme(2019, 200)].map((m) => ({
    interventionId: m.intervention_id,
    budget: m.budget === null ? null : Number(m.budget),
    plannedOn: m.planned_date,
    doneOn: m.done_date,
    physicalProgress: m.physical_progress,
  }));
  // The generator writes each intervention's milestones together; by date they interleave.
  const byDate = [...milestones].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));

  it.each(["MILESTONES", "ON_SCHEDULE", "PHYSICAL"] as const)(
    "gives the %s figure of the same milestones in date order",
    (method) => {
      const fold = (rows: Milestone[], grouped: boolean) => {
        const progress = new ProgressAccumulator("2019-09-30", method, grouped);
        rows.forEach((m) => progress.add(m));
        return { progress: progress.progress(), interventions: progress.interventionCount };
      };
      const expected = fold(byDate, false);
      expect(expected.interventions).toBe(200);
      expect(fold(milestones, true).interventions).toBe(200);
      expect(fold(milestones, true).progress).toBeCloseTo(expected.progress!, 9);
      // Grouping matters: date-ordered rows read as grouped would split interventions.
      expect(fold(byDate, true).interventions).toBeGreaterThan(200);
    },
  );
});
