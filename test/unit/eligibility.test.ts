import { StaffCategory } from "../../entities/enums";
import { employeeUnitScore, EmployeeInput, scoreEmployee, unitScore } from "../../src/incentives/eligibility";
import { DEFAULT_RULES, ruleSetSchema } from "../../src/incentives/rule-set";

const fullYear = (score: number) => [{ unitScore: score, days: 365, share: 1 }];
const employee = (
  category: EmployeeInput["category"],
  individualScore: number,
  assignments = fullYear(0.9),
): EmployeeInput => ({ category, individualScore, assignments });
const score = (input: EmployeeInput, gateOpen = true) => scoreEmployee(input, gateOpen, DEFAULT_RULES, 365);

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
    expect(score(employee(StaffCategory.MANAGER, 70)).composite).toBeCloseTo(0.6 * 0.9 + 0.4 * 0.7, 12); // 0.82
    expect(score(employee(StaffCategory.PO, 70)).composite).toBeCloseTo(0.5 * 0.9 + 0.5 * 0.7, 12); // 0.80
    const staff = score(employee(StaffCategory.STAFF, 70));
    expect(staff.composite).toBeCloseTo(0.4 * 0.9 + 0.6 * 0.7, 12); // 0.78
    expect(staff.premium).toBeCloseTo(0.78, 12);
  });
});

describe("the premium", () => {
  it("is 0 while the Solidale gate is closed", () => {
    expect(score(employee(StaffCategory.MANAGER, 100, fullYear(1)), false).premium).toBe(0);
  });

  it("is 0 just below the 60% threshold and the composite from it", () => {
    // Staff, unit 0.6: 0.4 × 0.6 + 0.6 × individual; individual 60 → 0.60 (paid), 59 → 0.594 (not).
    expect(score(employee(StaffCategory.STAFF, 60, fullYear(0.6))).premium).toBeCloseTo(0.6, 12);
    const below = score(employee(StaffCategory.STAFF, 59, fullYear(0.6)));
    expect(below.composite).toBeCloseTo(0.594, 12);
    expect(below.premium).toBe(0);
  });

  it("is pro rata for a half-time part-timer and for someone hired in July", () => {
    const composite = 0.4 * 0.9 + 0.6 * 0.8; // 0.84
    const half = score(employee(StaffCategory.STAFF, 80, [{ unitScore: 0.9, days: 365, share: 0.5 }]));
    expect(half.days).toBe(182.5);
    expect(half.premium).toBeCloseTo((composite * 182.5) / 365, 12);
    const july = score(employee(StaffCategory.STAFF, 80, [{ unitScore: 0.9, days: 184, share: 1 }]));
    expect(july.premium).toBeCloseTo((composite * 184) / 365, 12);
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

  it("keeps art. 69 away from managers, who have their own result pay, and applies it to staff by default", () => {
    const managers = { ...DEFAULT_RULES, differentiation: { quota: 0.1, uplift: 0.3, categories: ["MANAGER"] } };
    expect(ruleSetSchema.safeParse(managers).success).toBe(false);
    const staff = ruleSetSchema.parse({ ...DEFAULT_RULES, differentiation: { quota: 0.1, uplift: 0.3 } });
    expect(staff.differentiation?.categories).toEqual(["STAFF"]);
  });

  it("takes a fund in euros to the cent, and nothing finer", () => {
    const fund = (amount: unknown) =>
      ruleSetSchema.safeParse({ ...DEFAULT_RULES, funds: { STAFF: { actKey: "CCDI-1-2020", amount } } });
    expect(fund(1250000).data?.funds).toEqual({ STAFF: { actKey: "CCDI-1-2020", amount: "1250000.00" } });
    expect(fund("1250000.5").data?.funds?.STAFF?.amount).toBe("1250000.50");
    expect(fund("1250000.005").success).toBe(false);
    expect(fund(0.1 + 0.2).success).toBe(false); // 0.30000000000000004 is not an amount to the cent
    expect(fund(-5).success).toBe(false);
  });

  it("reads a rule set stored before weights and funds existed with equal weights and no fund", () => {
    const stored = { ...DEFAULT_RULES, gate: { mode: "ALL", threshold: 1 } } as Record<string, unknown>;
    delete stored.funds;
    expect(ruleSetSchema.parse(stored)).toMatchObject({ gate: { weights: null }, funds: null });
  });
});
