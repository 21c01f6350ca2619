import { KpiDirection, ObjectiveLevel, ScoringRule } from "../../entities/enums";
import { scoreObjective, YearData } from "../../src/attainment/compute";
import { phaseShare } from "../../src/attainment/phase-progress";

// Three phases of one objective: weights 1, 1, 2, planned 31/03, 30/06, 30/11.
const phases = [
  { id: 1, objectiveId: 9, plannedDate: "2019-03-31", weight: 1 },
  { id: 2, objectiveId: 9, plannedDate: "2019-06-30", weight: 1 },
  { id: 3, objectiveId: 9, plannedDate: "2019-11-30", weight: 2 },
];
const doneOn = (dates: Record<number, string>) => (id: number) => dates[id] ?? null;

describe("phaseShare", () => {
  it("is 1 when every phase is done by the last planned date, even one late against its own", () => {
    const share = phaseShare(phases, doneOn({ 1: "2019-04-15", 2: "2019-06-30", 3: "2019-11-30" }), "2019-12-31");
    expect(share.value).toBe(1);
  });

  it("otherwise weighs the phases due that were done on time: (1 + 1) / (1 + 1 + 2) = 0.5", () => {
    const share = phaseShare(phases, doneOn({ 1: "2019-03-01", 2: "2019-06-01" }), "2019-12-31");
    expect(share).toEqual({ value: 0.5, due: 3, doneOnTime: 2 });
  });

  it("counts only the phases due by the day judged: on 30/06, phase 1 late and 2 on time make 1 / 2 = 0.5", () => {
    const share = phaseShare(phases, doneOn({ 1: "2019-04-15", 2: "2019-06-30" }), "2019-06-30");
    expect(share).toEqual({ value: 0.5, due: 2, doneOnTime: 1 });
  });

  it("does not count a phase reported done after the day judged", () => {
    expect(phaseShare(phases, doneOn({ 1: "2019-03-01" }), "2019-02-28")).toEqual({
      value: null,
      missing: "nessuna fase scade entro il 28/02/2019",
    });
  });
});

describe("a MILESTONE KPI scored from its objective's phases", () => {
  const data: YearData = {
    kpis: [
      { id: 5, objectiveId: 9, code: "M", weight: 1, direction: KpiDirection.MILESTONE, scoring: ScoringRule.LINEAR },
    ],
    targets: [],
    measurements: [{ id: 50, kpiId: 5, orgUnitId: null, value: 0.1 }],
    phases,
    phasesDone: [
      { phaseId: 1, unitId: 7, doneDate: "2019-03-20" },
      { phaseId: 3, unitId: 8, doneDate: "2019-11-01" },
    ],
    judgedOn: "2019-12-31",
  };

  it("uses its owner's reports, and any unit's for a phase the owner did not report: (1 + 2) / 4 = 0.75", () => {
    const result = scoreObjective({ id: 9, level: ObjectiveLevel.DIREZIONE, ownerUnitId: 7 }, 7, data);
    expect(result.score).toBe(0.75);
    expect(result.kpis[0]).toMatchObject({ value: 0.75, measurementId: null, status: "SCORED" });
  });

  it("for a Gestionale objective, uses only the unit's own reports: 1 / 4 = 0.25", () => {
    const result = scoreObjective({ id: 9, level: ObjectiveLevel.GESTIONALE, ownerUnitId: null }, 7, data);
    expect(result.score).toBe(0.25);
  });

  it("falls back to the recorded value when the objective has no phases in the year", () => {
    const result = scoreObjective({ id: 9, level: ObjectiveLevel.DIREZIONE, ownerUnitId: 7 }, 7, {
      ...data,
      phases: [],
    });
    expect(result.score).toBe(0.1);
  });
});
