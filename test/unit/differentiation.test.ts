import { StaffCategory } from "../../entities/enums";
import { Contender, differentiate, differentiationOutcomes } from "../../src/incentives/differentiation";
import { DEFAULT_RULES, RuleSet } from "../../src/incentives/rule-set";
import { Candidate, settle } from "../../src/incentives/settle";

const rule: RuleSet["differentiation"] & object = { quota: 0.25, uplift: 0.3, categories: [StaffCategory.STAFF] };
const staff = (code: string, individualScore: number, premium: number, composite = premium, days = 365): Contender => ({
  code,
  category: StaffCategory.STAFF,
  individualScore,
  composite,
  days,
  premium,
});

describe("art. 69 (CCNL Funzioni Locali 21/05/2018)", () => {
  it("adds 30% of the average premium to the best-rated, not 30% of their own: 0.60 + 0.30 × 0.77 = 0.831", () => {
    // Four paid staff, premiums 0.60 / 0.88 / 0.82 / 0.78: average (0.60 + 0.88 + 0.82 + 0.78) / 4 = 0.77.
    // Quota 25%: floor(4 × 0.25) = 1 place, for the best evaluation, held by the 0.60 one (a weaker unit).
    const result = differentiate(
      [staff("S1", 100, 0.6), staff("S2", 90, 0.88), staff("S3", 80, 0.82), staff("S4", 70, 0.78)],
      rule,
    );
    expect(result[0].maggiorazione).toBeCloseTo(0.3 * 0.77, 12); // 0.231: 0.60 + 0.231 = 0.831, not 0.60 × 1.3 = 0.78
    expect(result.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(result.slice(1).map((r) => r.maggiorazione)).toEqual([0, 0, 0]);
  });

  it("gives the same from the inputs: the composites make those premiums and the fund pays 0.831 of 3.311", () => {
    // Staff composite = 0.4 × unit score + 0.6 × individual / 100; a full year, so premium = composite.
    const candidate = (code: string, unitScore: number, assessment: number): Candidate => ({
      code,
      category: StaffCategory.STAFF,
      assessment,
      spans: [{ unitCode: "EDU", unitScore, days: 365, share: 1 }],
    });
    const settled = settle(
      [
        candidate("S1", 0, 100), // 0.4 × 0 + 0.6 × 1.0 = 0.60
        candidate("S2", 0.85, 90), // 0.4 × 0.85 + 0.6 × 0.9 = 0.34 + 0.54 = 0.88
        candidate("S3", 0.85, 80), // 0.34 + 0.48 = 0.82
        candidate("S4", 0.9, 70), // 0.36 + 0.42 = 0.78
      ],
      { open: true, incomplete: [] },
      {
        ...DEFAULT_RULES,
        differentiation: rule,
        funds: { STAFF: { actKey: "CCDI-1-2020", amount: "3311.00" } },
      },
      2019,
      365,
    );
    [0.831, 0.88, 0.82, 0.78].forEach((share, i) => expect(settled[i].payableShare).toBeCloseTo(share, 12));
    // The maggiorazione is funded inside the same fund: € 3,311 over 0.831 + 0.88 + 0.82 + 0.78 = 3.311 is € 1,000 a unit.
    expect(settled.map((s) => s.amountCents)).toEqual([83100, 88000, 82000, 78000]);
  });

  it("holds the quota as a hard cap: 8 staff all rated 100 at 25% give 2 places, ties broken by composite, days, matricola", () => {
    // Before: everyone at the cut-off score was uplifted, 8 of 8. floor(8 × 0.25) = 2 places.
    const result = differentiate(
      [
        staff("S8", 100, 0.7, 0.7),
        staff("S7", 100, 0.9, 0.9, 200), // the best composite, but fewer days than S5 and S6: third
        staff("S6", 100, 0.9, 0.9, 365), // the same as S5 but for the matricola: second
        staff("S5", 100, 0.9, 0.9, 365), // the best composite, the most days, the lowest matricola: first
        staff("S4", 100, 0.8, 0.8),
        staff("S3", 100, 0.8, 0.8),
        staff("S2", 100, 0.7, 0.7),
        staff("S1", 100, 0.7, 0.7),
      ],
      rule,
    );
    const uplifted = result.flatMap((r, i) => (r.maggiorazione > 0 ? [i] : []));
    expect(uplifted).toEqual([2, 3]); // S6 and S5 (365 days at 0.9), not S7 (200 days)
    expect(result[3].rank).toBe(1); // S5 before S6: same evaluation, composite and days, matricola ascending
    expect(result[2].rank).toBe(2);
    expect(result[1].rank).toBe(3);
  });

  it("leaves managers and, unless the rule names them, POs out of the competition", () => {
    const manager = { ...staff("M1", 100, 0.95), category: StaffCategory.MANAGER };
    const po = { ...staff("P1", 100, 0.95), category: StaffCategory.PO };
    const result = differentiate([manager, po, staff("S1", 60, 0.7), staff("S2", 50, 0.65)], {
      ...rule,
      quota: 0.5,
    });
    expect(result.map((r) => [r.rank, r.maggiorazione > 0])).toEqual([
      [null, false],
      [null, false],
      [1, true], // floor(2 staff × 0.5) = 1 place, for the better-rated staff member
      [2, false],
    ]);
  });

  it("reports each category's places, uplifted and average premium from the rows", () => {
    const rows = [
      { category: StaffCategory.STAFF, payableShare: 0.831, maggiorazione: 0.231 },
      { category: StaffCategory.STAFF, payableShare: 0.88, maggiorazione: 0 },
      { category: StaffCategory.STAFF, payableShare: 0.82, maggiorazione: 0 },
      { category: StaffCategory.STAFF, payableShare: 0.78, maggiorazione: 0 },
      { category: StaffCategory.STAFF, payableShare: 0, maggiorazione: 0 },
    ];
    const [outcome] = differentiationOutcomes(rows, rule);
    expect(outcome).toMatchObject({ category: "STAFF", paid: 4, places: 1, uplifted: 1 });
    expect(outcome.averagePremium).toBeCloseTo(0.77, 12); // (0.60 + 0.88 + 0.82 + 0.78) / 4
    expect(outcome.maggiorazione).toBeCloseTo(0.231, 12);
  });
});
