import { StaffCategory } from "../../entities/enums";
import { fundOutcomes } from "../../src/incentives/fund-outcome";
import { inItalian } from "../../src/incentives/reasons";
import { DEFAULT_RULES, RuleSet } from "../../src/incentives/rule-set";
import { Candidate, settle } from "../../src/incentives/settle";

const candidate = (
  code: string,
  category: StaffCategory,
  assessment: number | null,
  spans: Candidate["spans"] = [{ unitCode: "EDU", unitScore: 0.9, days: 365, share: 1 }],
): Candidate => ({ code, category, assessment, spans });
const FUNDED: RuleSet = {
  ...DEFAULT_RULES,
  funds: {
    STAFF: { actKey: "CCDI-1-2020", amount: "10000.00" },
    PO: { actKey: "CCDI-1-2020", amount: "6000.00" },
  },
};
const judged = { open: true, incomplete: [] };
const staffFund = (rows: Parameters<typeof fundOutcomes>[0]) =>
  fundOutcomes(rows, FUNDED).find((f) => f.category === StaffCategory.STAFF);

describe("a year's eligibility, from the inputs to the euros", () => {
  it("makes every eligibility INCOMPLETE, with the reason and no amount, while the gate cannot be judged", () => {
    const settled = settle(
      [candidate("S1", StaffCategory.STAFF, 90), candidate("S2", StaffCategory.STAFF, 70)],
      { open: null, incomplete: ["SOL-DIGITALE"] },
      FUNDED,
      2019,
      365,
    );
    expect(settled.map((s) => [s.status, s.payableShare, s.amountCents])).toEqual([
      ["INCOMPLETE", null, null],
      ["INCOMPLETE", null, null],
    ]);
    expect(settled[0].reasons.map(inItalian)).toEqual([
      "obiettivi solidali non giudicabili: SOL-DIGITALE incompleto, nessuna decisione del Nucleo",
    ]);
    const rows = settled.map((s) => ({ ...s, category: StaffCategory.STAFF, gateOpen: null }));
    expect(staffFund(rows)).toMatchObject({
      fundCents: 1_000_000,
      paidCents: 0,
      undistributedCents: 1_000_000,
      reason: "every eligibility of the category is INCOMPLETE",
    });
  });

  it("pays a closed gate's year nothing: complete, 0 each, the fund undistributed and why", () => {
    const settled = settle(
      [candidate("S1", StaffCategory.STAFF, 90)],
      { open: false, incomplete: [] },
      FUNDED,
      2019,
      365,
    );
    expect(settled[0]).toMatchObject({ status: "COMPLETE", payableShare: 0, amountCents: 0 });
    const rows = settled.map((s) => ({ ...s, category: StaffCategory.STAFF, gateOpen: false }));
    expect(staffFund(rows)?.reason).toBe("the Obiettivi Solidali were not reached: nothing is payable");
  });

  it("splits a promotion on 1 July in two, each half by its own category's weights and fund", () => {
    // Unit 0.9, assessment 80. STAFF 1 Jan - 30 Jun (181 days): 0.4 × 0.9 + 0.6 × 0.8 = 0.84, × 181 / 365.
    // PO 1 Jul - 31 Dec (184 days): 0.5 × 0.9 + 0.5 × 0.8 = 0.85, × 184 / 365.
    const [asStaff, asPo] = settle(
      [
        candidate("S1", StaffCategory.STAFF, 80, [{ unitCode: "EDU", unitScore: 0.9, days: 181, share: 1 }]),
        candidate("S1", StaffCategory.PO, 80, [{ unitCode: "EDU", unitScore: 0.9, days: 184, share: 1 }]),
      ],
      judged,
      FUNDED,
      2019,
      365,
    );
    expect(asStaff.payableShare).toBeCloseTo((0.84 * 181) / 365, 12);
    expect(asPo.payableShare).toBeCloseTo((0.85 * 184) / 365, 12);
    // Alone in each category, they get each fund whole.
    expect([asStaff.amountCents, asPo.amountCents]).toEqual([1_000_000, 600_000]);
  });

  it("gives an INCOMPLETE eligibility no amount, and splits the fund among the complete by their shares", () => {
    // S1: 0.4 × 0.9 + 0.6 × 0.9 = 0.90; S2: 0.4 × 0.9 + 0.6 × 0.6 = 0.72; S3 has no assessment.
    // € 10,000 × 0.90 / 1.62 = € 5,555.555… → 555,556 cents (largest remainder); × 0.72 / 1.62 = 444,444.44… → 444,444.
    const settled = settle(
      [
        candidate("S1", StaffCategory.STAFF, 90),
        candidate("S2", StaffCategory.STAFF, 60),
        candidate("S3", StaffCategory.STAFF, null),
      ],
      judged,
      FUNDED,
      2019,
      365,
    );
    expect(settled.map((s) => s.amountCents)).toEqual([555_556, 444_444, null]);
    expect(settled[2].reasons.map(inItalian)).toEqual(["manca la valutazione individuale 2019"]);
    const rows = settled.map((s) => ({ ...s, category: StaffCategory.STAFF, gateOpen: true }));
    expect(fundOutcomes(rows, FUNDED)).toEqual([
      expect.objectContaining({
        category: "PO",
        paidCents: 0,
        undistributedCents: 600_000,
        reason: "nobody of the category was in service in the year",
      }),
      expect.objectContaining({ category: "STAFF", paidCents: 1_000_000, undistributedCents: 0, incomplete: 1 }),
    ]);
  });

  it("names each unit without a score, once", () => {
    const [settled] = settle(
      [
        candidate("S1", StaffCategory.STAFF, 80, [
          { unitCode: "MOB", unitScore: null, days: 100, share: 1 },
          { unitCode: "MOB", unitScore: null, days: 100, share: 1 },
        ]),
      ],
      judged,
      DEFAULT_RULES,
      2019,
      365,
    );
    expect(settled.reasons.map(inItalian)).toEqual(["manca il punteggio di MOB (risultati incompleti)"]);
    expect(settled.amountCents).toBeNull();
  });
});
