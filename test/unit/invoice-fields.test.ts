import { dueDateFields } from "../../jobs/invoice-fields";
import { RowProblem } from "../../src/csv/fields";

const read = (fields: Record<string, unknown>) => {
  const warnings: string[] = [];
  const read = dueDateFields(fields, (problem) => warnings.push(problem.message));
  return { read, warnings };
};

describe("an invoice's due-date fields, as the ITP and the overdue debt read them", () => {
  it("keeps a term over 60 days as written (the due date counts 60) and warns", () => {
    expect(read({ term_days: "90" })).toEqual({
      read: { termDays: 90, disputeFrom: null, disputeTo: null },
      warnings: ["term_days: 90 days is more than the 60 that D.Lgs. 231/2002 allows: counted as 60"],
    });
    expect(read({ term_days: "60" }).warnings).toEqual([]);
  });

  it("refuses a dispute ending before it starts, or with one day of the two", () => {
    expect(() => read({ dispute_from: "10/12/2019", dispute_to: "01/12/2019" })).toThrow(
      new RowProblem("dispute_to", "ends before the dispute starts"),
    );
    expect(() => read({ dispute_from: "10/12/2019" })).toThrow(
      "dispute_to: a dispute needs both its first and last day",
    );
    expect(read({ dispute_from: "01/12/2019", dispute_to: "01/12/2019" }).read).toMatchObject({
      disputeFrom: "2019-12-01",
      disputeTo: "2019-12-01",
    });
  });
});
