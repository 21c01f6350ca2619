import { StaffCategory } from "../../entities/enums";
import { AssignmentTerms, overbooked, yearsChanged } from "../../src/people/assignment-rules";

const terms = (
  validFrom: string,
  validTo: string | null,
  share = 1,
  category = StaffCategory.STAFF,
): AssignmentTerms => ({
  unitId: 1,
  validFrom,
  validTo,
  share,
  category,
});

describe("assignments over time", () => {
  it("changes every year a new assignment touches, an open one up to the last cycle", () => {
    expect(yearsChanged(null, terms("2019-09-09", null), 2021)).toEqual([2019, 2020, 2021]);
    expect(yearsChanged(null, terms("2020-01-01", "2020-06-30"), 2021)).toEqual([2020]);
  });

  it("changes only the years after 2019 when an open assignment is closed on 2019-12-31", () => {
    expect(yearsChanged(terms("2019-01-01", null), terms("2019-01-01", "2019-12-31"), 2021)).toEqual([2020, 2021]);
    // Moving the end from 2020-03-31 to 2019-11-30: 2019-12-01 to 2020-03-31 change.
    expect(yearsChanged(terms("2019-01-01", "2020-03-31"), terms("2019-01-01", "2019-11-30"), 2021)).toEqual([
      2019, 2020,
    ]);
  });

  it("changes every year of both when the category or share changes, and none when nothing does", () => {
    const promoted = terms("2019-01-01", "2020-12-31", 1, StaffCategory.PO);
    expect(yearsChanged(terms("2019-01-01", "2020-12-31"), promoted, 2021)).toEqual([2019, 2020]);
    expect(yearsChanged(terms("2019-01-01", null), terms("2019-01-01", null), 2021)).toEqual([]);
  });

  it("finds the first day someone would work more than full time", () => {
    expect(overbooked([terms("2019-01-01", null, 0.5), terms("2019-03-01", null, 0.5)])).toBeNull();
    // A promotion from 2020 left the 2019 assignment open: 1 + 1 = 2 on 2020-01-01.
    expect(overbooked([terms("2019-01-01", null), terms("2020-01-01", null)])).toEqual({ day: "2020-01-01", total: 2 });
    // Ending on 2019-12-31 and starting on 2020-01-01 never overlap.
    expect(overbooked([terms("2019-01-01", "2019-12-31"), terms("2020-01-01", null)])).toBeNull();
  });
});
