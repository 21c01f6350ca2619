import { bandScore, linearScore, milestoneScore, weightedMean } from "../../src/attainment/normalise";

describe("linearScore, HIGHER_IS_BETTER (Piano Quartieri: target 70%, floor 40%)", () => {
  const rule = { direction: "HIGHER_IS_BETTER" as const, target: 70, floor: 40 };
  it("is 0 at or below the floor", () => {
    expect(linearScore(40, rule)).toBe(0);
    expect(linearScore(10, rule)).toBe(0);
  });
  it("is 1 at the target and beyond it (over-achievement is not scored)", () => {
    expect(linearScore(70, rule)).toBe(1);
    expect(linearScore(95, rule)).toBe(1);
  });
  it("is linear between: (61 − 40) / (70 − 40) = 21 / 30 = 0.7", () => {
    expect(linearScore(61, rule)).toBeCloseTo(0.7, 12);
  });
  it("defaults the floor to 0: 35 / 70 = 0.5", () => {
    expect(linearScore(35, { direction: "HIGHER_IS_BETTER", target: 70 })).toBe(0.5);
  });
});

describe("linearScore, LOWER_IS_BETTER (payment timeliness: target 0 days, ceiling 30)", () => {
  const rule = { direction: "LOWER_IS_BETTER" as const, target: 0, ceiling: 30 };
  it("is 1 at or below the target, early payment included", () => {
    expect(linearScore(0, rule)).toBe(1);
    expect(linearScore(-4.5, rule)).toBe(1);
  });
  it("is 0 at or beyond the ceiling", () => {
    expect(linearScore(30, rule)).toBe(0);
    expect(linearScore(41, rule)).toBe(0);
  });
  it("is linear between: (30 − 12) / (30 − 0) = 0.6", () => {
    expect(linearScore(12, rule)).toBeCloseTo(0.6, 12);
  });
});

describe("linearScore, RANGE [95, 105] with tolerance 10", () => {
  const rule = { direction: "RANGE" as const, low: 95, high: 105, tolerance: 10 };
  it("is 1 inside, edges included", () => {
    expect(linearScore(95, rule)).toBe(1);
    expect(linearScore(105, rule)).toBe(1);
  });
  it("falls to 0 at the tolerance outside: 1 − 4/10 = 0.6 at 91 and at 109", () => {
    expect(linearScore(91, rule)).toBeCloseTo(0.6, 12);
    expect(linearScore(109, rule)).toBeCloseTo(0.6, 12);
    expect(linearScore(85, rule)).toBe(0);
  });
});

describe("milestoneScore", () => {
  it("is 1 when done by the deadline", () => expect(milestoneScore(true)).toBe(1));
  it("is the weighted share of phases done by the deadline: (2 + 1) / (2 + 1 + 3) = 0.5", () => {
    expect(
      milestoneScore(false, [
        { weight: 2, doneByDeadline: true },
        { weight: 1, doneByDeadline: true },
        { weight: 3, doneByDeadline: false },
      ]),
    ).toBe(0.5);
  });
  it("is 0 when not done and no phases are known", () => expect(milestoneScore(false)).toBe(0));
});

describe("bandScore with bands 50% → 0.5, 70% → 0.7, 100% → 1", () => {
  it("scores the highest band reached", () => {
    expect(bandScore(35, 70, "HIGHER_IS_BETTER")).toBe(0.5); // 50% of target, exactly at the band
    expect(bandScore(34.9, 70, "HIGHER_IS_BETTER")).toBe(0); // just below the first band
    expect(bandScore(60, 70, "HIGHER_IS_BETTER")).toBe(0.7); // 85.7%
    expect(bandScore(70, 70, "HIGHER_IS_BETTER")).toBe(1);
  });
  it("turns the ratio round for LOWER_IS_BETTER: target 20 days, 25 days = 80% → 0.7", () => {
    expect(bandScore(25, 20, "LOWER_IS_BETTER")).toBe(0.7);
  });
});

describe("weightedMean", () => {
  it("weights the scores: (1 × 2 + 0.5 × 1) / 3 = 0.8333…", () => {
    expect(
      weightedMean([
        { score: 1, weight: 2 },
        { score: 0.5, weight: 1 },
      ]),
    ).toBeCloseTo(2.5 / 3, 12);
  });
  it("is null, never 0, when a score is missing", () => {
    expect(
      weightedMean([
        { score: 1, weight: 1 },
        { score: null, weight: 1 },
      ]),
    ).toBeNull();
    expect(weightedMean([])).toBeNull();
  });
});
