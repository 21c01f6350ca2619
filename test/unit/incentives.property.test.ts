import fc from "fast-check";
import { StaffCategory } from "../../entities/enums";
import { EligibilityRow } from "../../src/incentives/cycle-eligibility";
import { placesOf } from "../../src/incentives/differentiation";
import { centsOf, eurosOf, micro } from "../../src/incentives/fund";
import { fundOutcomes } from "../../src/incentives/fund-outcome";
import { payrollFile } from "../../src/incentives/payroll-file";
import { DEFAULT_RULES, RuleSet } from "../../src/incentives/rule-set";
import { Candidate, GateJudgement, settle, Settled } from "../../src/incentives/settle";

const CATEGORIES = [StaffCategory.MANAGER, StaffCategory.PO, StaffCategory.STAFF];

/** Random staff: each in one category, some without an assessment or a unit score, part-timers, short stays. */
const candidates = fc
  .array(
    fc.record({
      category: fc.constantFrom(...CATEGORIES),
      assessment: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 8 }),
      spans: fc.array(
        fc.record({
          unitCode: fc.constantFrom("EDU", "DG", "TA"),
          unitScore: fc.option(
            fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
            { freq: 12 },
          ),
          days: fc.integer({ min: 1, max: 183 }),
          share: fc.constantFrom(1, 0.5, 0.75),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((staff) => staff.map((s, i): Candidate => ({ ...s, code: `E${String(i).padStart(3, "0")}` })));

const rules = fc
  .record({
    threshold: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    differentiation: fc.option(
      fc.record({
        quota: fc.integer({ min: 1, max: 50 }).map((n) => n / 100),
        uplift: fc.integer({ min: 30, max: 100 }).map((n) => n / 100),
        categories: fc.subarray([StaffCategory.PO, StaffCategory.STAFF] as const, { minLength: 1 }),
      }),
    ),
    funds: fc.record({
      MANAGER: fc.option(fc.integer({ min: 0, max: 10_000_000_000 })),
      PO: fc.option(fc.integer({ min: 0, max: 10_000_000_000 })),
      STAFF: fc.option(fc.integer({ min: 0, max: 10_000_000_000 })),
    }),
  })
  .map(({ threshold, differentiation, funds }): RuleSet => ({
    ...DEFAULT_RULES,
    threshold,
    differentiation,
    funds: Object.fromEntries(
      Object.entries(funds).flatMap(([category, cents]) =>
        cents === null ? [] : [[category, { actKey: "CCDI-1-2020", amount: eurosOf(cents) }]],
      ),
    ),
  }));

const gates = fc.record({
  open: fc.constantFrom(true, true, true, false, null),
  incomplete: fc.constant(["SOL-DIGITALE"]),
}) as fc.Arbitrary<GateJudgement>;

const run = (staff: Candidate[], rule: RuleSet, gate: GateJudgement) => settle(staff, gate, rule, 2019, 365);
const rowsOf = (staff: Candidate[], settled: Settled[], gate: GateJudgement) =>
  settled.map((s, i) => ({ ...s, category: staff[i].category, gateOpen: gate.open }));

describe("the incentive path, over random staff, scores and rule sets", () => {
  it("pays each category's fund to the cent whenever anyone in it is paid, and nothing otherwise", () => {
    fc.assert(
      fc.property(candidates, rules, gates, (staff, rule, gate) => {
        const rows = rowsOf(staff, run(staff, rule, gate), gate);
        for (const outcome of fundOutcomes(rows, rule)) {
          const ofCategory = rows.filter((r) => r.category === outcome.category);
          // The fund is split by the shares to the millionth, as the file prints them.
          const anyonePaid = ofCategory.some((r) => micro(r.payableShare ?? 0) > 0);
          const paid = ofCategory.reduce((sum, r) => sum + (r.amountCents ?? 0), 0);
          expect(paid).toBe(anyonePaid ? centsOf(rule.funds![outcome.category]!.amount) : 0);
          expect(outcome.paidCents + outcome.undistributedCents).toBe(outcome.fundCents);
          expect(outcome.reason === null).toBe(outcome.undistributedCents === 0);
        }
      }),
    );
  });

  it("pays no one below the threshold, nor anyone while the gate is closed", () => {
    fc.assert(
      fc.property(candidates, rules, gates, (staff, rule, gate) => {
        for (const s of run(staff, rule, gate)) {
          if (s.status === "COMPLETE" && (s.composite! < rule.threshold || gate.open === false)) {
            expect(s.payableShare).toBe(0);
            expect(s.maggiorazione).toBe(0);
            expect(s.amountCents ?? 0).toBe(0);
          }
        }
      }),
    );
  });

  it("never gives an INCOMPLETE eligibility a share or an amount, and makes every one INCOMPLETE while the gate is not judged", () => {
    fc.assert(
      fc.property(candidates, rules, gates, (staff, rule, gate) => {
        for (const s of run(staff, rule, gate)) {
          if (gate.open === null) expect(s.status).toBe("INCOMPLETE");
          if (s.status === "INCOMPLETE") {
            expect(s.reasons.length).toBeGreaterThan(0);
            expect([s.payableShare, s.maggiorazione, s.amountCents]).toEqual([null, null, null]);
          }
        }
      }),
    );
  });

  it("uplifts no more than the quota of each category's paid staff, and never a manager", () => {
    fc.assert(
      fc.property(candidates, rules, gates, (staff, rule, gate) => {
        const rows = rowsOf(staff, run(staff, rule, gate), gate);
        for (const category of CATEGORIES) {
          const ofCategory = rows.filter((r) => r.category === category);
          const uplifted = ofCategory.filter((r) => (r.maggiorazione ?? 0) > 0).length;
          const applies = rule.differentiation?.categories.some((c) => c === category) ?? false;
          if (!applies) expect(uplifted).toBe(0);
          else {
            const paid = ofCategory.filter((r) => (r.payableShare ?? 0) > 0).length;
            expect(uplifted).toBeLessThanOrEqual(placesOf(paid, rule.differentiation!.quota));
          }
        }
      }),
    );
  });

  it("writes the same payroll file whatever order the staff come in, every time it is made", () => {
    const file = (staff: Candidate[], rule: RuleSet, gate: GateJudgement) => {
      const settled = run(staff, rule, gate);
      const rows = staff
        .map((c, i): EligibilityRow => ({
          ...settled[i],
          employee: { id: i, code: c.code, name: `Dipendente ${c.code}`, category: c.category },
          category: c.category,
          gateOpen: gate.open,
          individualScore: c.assessment,
          art69Rank: settled[i].rank,
          inputs: { assignments: [], assessment: c.assessment },
        }))
        .sort((a, b) => a.employee.code.localeCompare(b.employee.code));
      return payrollFile({
        year: 2019,
        ruleSetVersion: 1,
        rules: rule,
        provisional: false,
        gate: { open: gate.open, mode: rule.gate.mode, threshold: 1, score: null, incomplete: [] },
        rows,
      });
    };
    fc.assert(
      fc.property(
        candidates.chain((staff) =>
          fc.tuple(fc.constant(staff), fc.shuffledSubarray(staff, { minLength: staff.length })),
        ),
        rules,
        gates,
        ([staff, shuffled], rule, gate) => {
          expect(file(shuffled, rule, gate)).toBe(file(staff, rule, gate));
        },
      ),
    );
  });
});
