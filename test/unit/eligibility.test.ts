import { StaffCategory } from "../../entities/enums";
import {
  computeEligibility,
  employeeUnitScore,
  EmployeeInput,
  isFlatDistribution,
  unitScore,
} from "../../src/incentives/eligibility";
import { DEFAULT_RULES, RuleSet, ruleSetSchema } from "../../src/incentives/rule-set";

const fullYear = (score: number) => [{ unitScore: score, days: 365, share: 1 }];
const employee = (
  employeeId: number,
  category: EmployeeInput["category"],
  individualScore: number,
  assignments = fullYear(0.9),
): EmployeeInput => ({ employeeId, category, individualScore, assignments });

describe("unit and composite scores", () => {
  it("weighs a directorate 70% on its objectives and 30% on its Gestionale contribution: 0.7 × 0.9 + 0.3 × 0.6 = 0.81", () => {
    expect(unitScore(0.9, 0.6, DEFAULT_RULES)).toBeCloseTo(0.81, 12);
  });

  it("takes, for someone who moved on 2019-09-09, the day-weighted mean: (0.8 × 251 + 1 × 114) / 365", () => {
    // 1 Jan - 8 Sep is 251 days in the old directorate, 9 Sep - 31 Dec 114 in the new one.
    expect(
      employeeUnitScore([
        { unitScore: 0.8, days: 251, share: 1 },
        { unitScore: 1, days: 114, share: 1 },
      ]),
    ).toBeCloseTo((0.8 * 251 + 114) / 365, 12);
  });

  it("weighs unit and individual by category: manager 60/40, PO 50/50, staff 40/60", () => {
    const [manager, po, staff] = computeEligibility(
      [employee(1, StaffCategory.MANAGER, 70), employee(2, StaffCategory.PO, 70), employee(3, StaffCategory.STAFF, 70)],
      true,
      DEFAULT_RULES,
      365,
    );
    expect(manager.composite).toBeCloseTo(0.6 * 0.9 + 0.4 * 0.7, 12); // 0.82
    expect(po.composite).toBeCloseTo(0.5 * 0.9 + 0.5 * 0.7, 12); // 0.80
    expect(staff.composite).toBeCloseTo(0.4 * 0.9 + 0.6 * 0.7, 12); // 0.78
    expect(staff.payableShare).toBeCloseTo(0.78, 12);
  });
});

describe("payable share", () => {
  it("is 0 for everyone while the Solidale gate is closed", () => {
    const results = computeEligibility(
      [employee(1, StaffCategory.MANAGER, 100, fullYear(1)), employee(2, StaffCategory.STAFF, 90)],
      false,
      DEFAULT_RULES,
      365,
    );
    expect(results.map((r) => [r.gateOpen, r.payableShare])).toEqual([
      [false, 0],
      [false, 0],
    ]);
  });

  it("is 0 just below the 60% threshold and the composite from it", () => {
    // Staff, unit 0.6: 0.4 × 0.6 + 0.6 × individual; individual 60 → 0.60 (paid), 59 → 0.594 (not).
    const [at, below] = computeEligibility(
      [employee(1, StaffCategory.STAFF, 60, fullYear(0.6)), employee(2, StaffCategory.STAFF, 59, fullYear(0.6))],
      true,
      DEFAULT_RULES,
      365,
    );
    expect(at.payableShare).toBeCloseTo(0.6, 12);
    expect(below.composite).toBeCloseTo(0.594, 12);
    expect(below.payableShare).toBe(0);
  });

  it("is pro rata for a half-time part-timer and for someone hired in July", () => {
    const partTimer = employee(1, StaffCategory.STAFF, 80, [{ unitScore: 0.9, days: 365, share: 0.5 }]);
    const hired = employee(2, StaffCategory.STAFF, 80, [{ unitScore: 0.9, days: 184, share: 1 }]);
    const [half, july] = computeEligibility([partTimer, hired], true, DEFAULT_RULES, 365);
    const composite = 0.4 * 0.9 + 0.6 * 0.8; // 0.84
    expect(half.payableShare).toBeCloseTo((composite * 182.5) / 365, 12);
    expect(july.payableShare).toBeCloseTo((composite * 184) / 365, 12);
  });

  it("uplifts the best-rated share of staff by art. 69 when configured: top 1 of 4 gets + 30%", () => {
    const rules: RuleSet = {
      ...DEFAULT_RULES,
      differentiation: { quota: 0.25, uplift: 0.3, categories: [StaffCategory.STAFF] },
    };
    const results = computeEligibility(
      [
        employee(1, StaffCategory.STAFF, 95),
        employee(2, StaffCategory.STAFF, 80),
        employee(3, StaffCategory.STAFF, 75),
        employee(4, StaffCategory.STAFF, 70),
      ],
      true,
      rules,
      365,
    );
    expect(results.map((r) => r.uplifted)).toEqual([true, false, false, false]);
    expect(results[0].payableShare).toBeCloseTo((0.4 * 0.9 + 0.6 * 0.95) * 1.3, 12);
  });
});

describe("rules as data", () => {
  it("refuses rule sets the law forbids or that do not add up", () => {
    const managersHalf = {
      ...DEFAULT_RULES,
      composite: { ...DEFAULT_RULES.composite, MANAGER: { unit: 0.5, individual: 0.5 } },
    };
    expect(ruleSetSchema.safeParse(managersHalf).error?.issues[0].message).toMatch(
      /more than half \(D\.Lgs\. 150\/2009 art\. 9\)/,
    );
    const badWeights = { ...DEFAULT_RULES, unitScore: { direzione: 0.7, gestionale: 0.4 } };
    expect(ruleSetSchema.safeParse(badWeights).success).toBe(false);
    expect(ruleSetSchema.safeParse({ ...DEFAULT_RULES, differentiation: { quota: 0.1, uplift: 0.2 } }).success).toBe(
      false,
    );
    expect(ruleSetSchema.safeParse(DEFAULT_RULES).success).toBe(true);
  });

  it("flags a flat distribution, which art. 18 forbids", () => {
    const same = computeEligibility(
      [employee(1, StaffCategory.STAFF, 80), employee(2, StaffCategory.STAFF, 80)],
      true,
      DEFAULT_RULES,
      365,
    );
    expect(isFlatDistribution(same)).toBe(true);
    const varied = computeEligibility(
      [employee(1, StaffCategory.STAFF, 80), employee(2, StaffCategory.STAFF, 90)],
      true,
      DEFAULT_RULES,
      365,
    );
    expect(isFlatDistribution(varied)).toBe(false);
  });
});
