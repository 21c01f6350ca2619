import { StaffCategory } from "../../entities/enums";
import { evaluationDistribution } from "../../src/incentives/evaluation-distribution";

describe("the spread of evaluations (D.Lgs. 150/2009 art. 18)", () => {
  it("shows three staff all rated 100 as undifferentiated, though a part-timer's share differs", () => {
    // Shares 0.94, 0.94 and 0.47 (half time) differ; the evaluations do not: one score, everyone at the top.
    const [edu] = evaluationDistribution([
      { category: StaffCategory.STAFF, unitCode: "EDU", individualScore: 100, composite: 0.94 },
      { category: StaffCategory.STAFF, unitCode: "EDU", individualScore: 100, composite: 0.94 },
      { category: StaffCategory.STAFF, unitCode: "EDU", individualScore: 100, composite: 0.94 },
    ]);
    expect(edu).toMatchObject({ evaluated: 3, distinctScores: 1, topScore: 100, shareAtTop: 1 });
    expect(edu.scores).toEqual([{ score: 100, count: 3 }]);
  });

  it("groups by category and unit, with each score's count, the share at the top and the mean", () => {
    const groups = evaluationDistribution([
      { category: StaffCategory.STAFF, unitCode: "DG", individualScore: 80, composite: 0.8 },
      { category: StaffCategory.STAFF, unitCode: "DG", individualScore: 100, composite: 0.9 },
      { category: StaffCategory.STAFF, unitCode: "DG", individualScore: 80, composite: null },
      { category: StaffCategory.MANAGER, unitCode: "DG", individualScore: 95, composite: 0.85 },
    ]);
    expect(groups.map((g) => [g.category, g.unitCode])).toEqual([
      ["MANAGER", "DG"],
      ["STAFF", "DG"],
    ]);
    const staff = groups[1];
    expect(staff.scores).toEqual([
      { score: 100, count: 1 },
      { score: 80, count: 2 },
    ]);
    expect(staff.shareAtTop).toBeCloseTo(1 / 3, 12);
    expect(staff.meanScore).toBeCloseTo((80 + 100 + 80) / 3, 12); // 86.67
    expect([staff.compositeMin, staff.compositeMax]).toEqual([0.8, 0.9]);
    expect(staff.compositeMean).toBeCloseTo((0.8 + 0.9) / 2, 12);
  });
});
