import { GateMode, KpiDirection, ObjectiveLevel, ScoringRule } from "../../entities/enums";
import { scoreObjective, solidaleGate, YearData } from "../../src/attainment/compute";
import { scoreKpi } from "../../src/attainment/kpi-score";

const kpi = (id: number, objectiveId: number, weight = 1, direction = KpiDirection.HIGHER_IS_BETTER) => ({
  id,
  objectiveId,
  code: `K${id}`,
  weight,
  direction,
  scoring: ScoringRule.LINEAR,
});
const objective = { id: 1, level: ObjectiveLevel.DIREZIONE, ownerUnitId: 7 };

describe("scoreObjective", () => {
  // Two KPIs weighted 3 and 1: 60 against 80 (floor 0) scores 0.75; 100 against 80 scores 1 (capped).
  const data: YearData = {
    kpis: [kpi(10, 1, 3), kpi(11, 1, 1)],
    targets: [
      { id: 100, kpiId: 10, value: 80, bound: null, actId: 1 },
      { id: 101, kpiId: 11, value: 80, bound: null, actId: 1 },
    ],
    measurements: [
      { id: 1000, kpiId: 10, orgUnitId: 7, value: 60 },
      { id: 1001, kpiId: 11, orgUnitId: null, value: 100 },
    ],
  };

  it("is the weighted mean of its KPIs: (0.75 × 3 + 1 × 1) / 4 = 0.8125", () => {
    const result = scoreObjective(objective, 7, data);
    expect(result.status).toBe("SCORED");
    expect(result.score).toBeCloseTo(0.8125, 12);
    expect(result.kpis.map((k) => [k.measurementId, k.targetId, k.score])).toEqual([
      [1000, 100, 0.75],
      [1001, 101, 1],
    ]);
  });

  it("is INCOMPLETE, not 0, when a KPI has no value, and says which", () => {
    const result = scoreObjective(objective, 7, { ...data, measurements: data.measurements.slice(0, 1) });
    expect(result).toMatchObject({ status: "INCOMPLETE", score: null, missing: "1 KPI su 2 non valutabili" });
    expect(result.kpis[1]).toMatchObject({ status: "INCOMPLETE", missing: "manca il valore dell'anno" });
  });

  it("is INCOMPLETE when a target is only in words", () => {
    const result = scoreObjective(objective, 7, {
      ...data,
      targets: [data.targets[0], { ...data.targets[1], value: null }],
    });
    expect(result.kpis[1].missing).toBe("il target non ha un valore numerico con cui confrontare il risultato");
  });

  it("is INCOMPLETE when no KPI is defined", () => {
    expect(scoreObjective({ ...objective, id: 2 }, 7, data)).toMatchObject({
      status: "INCOMPLETE",
      missing: "nessun KPI è definito per l'obiettivo",
    });
  });

  it("takes a GESTIONALE objective's values for the directorate only", () => {
    const gestionale = { id: 1, level: ObjectiveLevel.GESTIONALE, ownerUnitId: null };
    const result = scoreObjective(gestionale, 7, data);
    expect(result.kpis.map((k) => k.measurementId)).toEqual([1000, null]);
  });
});

describe("scoreKpi", () => {
  it("explains the rule it applied", () => {
    expect(
      scoreKpi(61, { direction: KpiDirection.HIGHER_IS_BETTER, scoring: ScoringRule.LINEAR, target: 70, bound: 40 }),
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- @types/jest types the asymmetric matcher expect.closeTo as any on purpose
    ).toEqual({ score: expect.closeTo(0.7, 12), rule: "LINEARE (più alto è meglio): 0 a 40, 1 a 70" });
    expect(
      scoreKpi(12, { direction: KpiDirection.LOWER_IS_BETTER, scoring: ScoringRule.LINEAR, target: 0, bound: null }),
    ).toEqual({ score: null, missing: "un target in cui più basso è meglio richiede un tetto sopra il target" });
    expect(
      scoreKpi(0.5, { direction: KpiDirection.MILESTONE, scoring: ScoringRule.LINEAR, target: null, bound: null })
        .score,
    ).toBe(0.5);
  });
});

describe("solidaleGate", () => {
  const result = (score: number | null) => ({
    objectiveId: 1,
    unitId: null,
    status: score === null ? ("INCOMPLETE" as const) : ("SCORED" as const),
    score,
    kpis: [],
    missing: null,
  });

  it("opens only when every Solidale objective reaches its target (mode ALL)", () => {
    expect(solidaleGate([result(1), result(1), result(1), result(1)]).open).toBe(true);
    expect(solidaleGate([result(1), result(1), result(0.99), result(1)]).open).toBe(false);
  });

  it("opens on the mean in WEIGHTED_MEAN mode: (1 + 1 + 0.8 + 0.9) / 4 = 0.925 ≥ 0.9", () => {
    expect(solidaleGate([result(1), result(1), result(0.8), result(0.9)], GateMode.WEIGHTED_MEAN, 0.9)).toMatchObject({
      open: true,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- @types/jest types the asymmetric matcher expect.closeTo as any on purpose
      score: expect.closeTo(0.925, 12),
    });
    expect(solidaleGate([result(1), result(1), result(0.8), result(0.9)], GateMode.WEIGHTED_MEAN, 0.95).open).toBe(
      false,
    );
  });

  it("weighs the Solidali as the rule set says: (3 × 1 + 1 × 1 + 1 × 0.8 + 1 × 0.9) / 6 = 0.95 ≥ 0.95", () => {
    const gate = solidaleGate(
      [result(1), result(1), result(0.8), result(0.9)],
      GateMode.WEIGHTED_MEAN,
      0.95,
      [3, 1, 1, 1],
    );
    expect(gate.open).toBe(true);
    expect(gate.score).toBeCloseTo(0.95, 12);
    // Equal weights give 0.925, short of 0.95.
    expect(solidaleGate([result(1), result(1), result(0.8), result(0.9)], GateMode.WEIGHTED_MEAN, 0.95).open).toBe(
      false,
    );
  });

  it("cannot be judged while any Solidale objective is incomplete", () => {
    expect(solidaleGate([result(1), result(null), result(1), result(1)]).open).toBeNull();
  });
});

describe("KPIs of weight 0", () => {
  it("are reported but neither make nor block the score", () => {
    const data: YearData = {
      kpis: [kpi(10, 1, 1), { ...kpi(11, 1, 0), direction: KpiDirection.HIGHER_IS_BETTER }],
      targets: [{ id: 100, kpiId: 10, value: 80, bound: null, actId: 1 }],
      measurements: [{ id: 1000, kpiId: 10, orgUnitId: 7, value: 40 }],
    };
    const result = scoreObjective(objective, 7, data);
    expect(result).toMatchObject({ status: "SCORED", score: 0.5 });
    expect(result.kpis[1]).toMatchObject({ status: "INCOMPLETE", missing: "manca il valore dell'anno" });
  });
});

describe("targets with strictness and ranges", () => {
  const higher = { direction: KpiDirection.HIGHER_IS_BETTER, scoring: ScoringRule.LINEAR, target: 70, bound: 40 };

  it('"> 70%": 70 exactly is not reached, (70 − 40) / (70 − 40) = 1 capped at 0.99; 70.5 scores 1', () => {
    expect(scoreKpi(70, { ...higher, strict: true })).toMatchObject({ score: 0.99 });
    expect(scoreKpi(70.5, { ...higher, strict: true })).toMatchObject({ score: 1 });
    expect(scoreKpi(55, { ...higher, strict: true })).toMatchObject({ score: 0.5 });
  });

  it("between 90 and 100, partial credit down to 10 outside: 85 scores 1 − 5/10 = 0.5, 95 scores 1", () => {
    const range = {
      direction: KpiDirection.RANGE,
      scoring: ScoringRule.LINEAR,
      target: null,
      bound: null,
      low: 90,
      high: 100,
      tolerance: 10,
    };
    expect(scoreKpi(85, range)).toMatchObject({ score: 0.5 });
    expect(scoreKpi(95, range)).toMatchObject({ score: 1 });
    expect(scoreKpi(112, range)).toMatchObject({ score: 0 });
  });
});
