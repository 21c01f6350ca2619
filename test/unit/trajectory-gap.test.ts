import { trajectoryGap } from "../../src/alerts/trajectory-gap";

const q = (period: string, score: number) => ({ period, score });

describe("a value far from its trajectory", () => {
  it("Q3 at 0.20 against Q1 0.90, Q2 0.80: median (0.90 + 0.80) / 2 = 0.85, gap 0.65 > 0.50 is far", () => {
    expect(trajectoryGap("K1", q("2019-Q3", 0.2), [q("2019-Q1", 0.9), q("2019-Q2", 0.8)], 0.5)).toBe(
      "K1: punteggio di 2019-Q3 20,0% del target, traiettoria 85,0% (mediana di 2019-Q1, 2019-Q2): scarto di 65 punti, oltre la tolleranza di 50",
    );
  });

  it("Q4 back at 0.85 after the odd Q3: median of 0.90, 0.80, 0.20 is 0.80, gap 0.05 ≤ 0.50 is within", () => {
    expect(
      trajectoryGap("K1", q("2019-Q4", 0.85), [q("2019-Q1", 0.9), q("2019-Q2", 0.8), q("2019-Q3", 0.2)], 0.5),
    ).toBeNull();
  });

  it("a gap exactly at the tolerance is within: 0.70 − 0.20 = 0.50", () => {
    expect(trajectoryGap("K1", q("2019-Q2", 0.2), [q("2019-Q1", 0.7)], 0.5)).toBeNull();
  });

  it("looks at the four periods before only: median of Q1-Q4 2019 (0.1, 0.2, 0.3, 0.4) = 0.25, not Q4 2018's 1", () => {
    const before = [q("2018-Q4", 1), q("2019-Q1", 0.1), q("2019-Q2", 0.2), q("2019-Q3", 0.3), q("2019-Q4", 0.4)];
    // 0.25 + 0.3 = 0.55 is 0.30 away: far at a tolerance of 0.25, within at 0.30.
    expect(trajectoryGap("K1", q("2020-Q1", 0.55), before, 0.25)).toMatch(
      /mediana di 2019-Q1, 2019-Q2, 2019-Q3, 2019-Q4\): scarto di 30 punti/,
    );
    expect(trajectoryGap("K1", q("2020-Q1", 0.55), before, 0.3)).toBeNull();
  });

  it("says nothing about a first value, with no trajectory yet", () => {
    expect(trajectoryGap("K1", q("2019-Q1", 0), [], 0.1)).toBeNull();
  });
});
