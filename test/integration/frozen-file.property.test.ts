import fc from "fast-check";
import { ActKind, CycleStatus, ReviewDecision, Role } from "../../entities/enums";
import { createAttainmentService } from "../../src/attainment/attainment-service";
import { YearDataCache } from "../../src/attainment/year-data-cache";
import { recordAct } from "../../src/cycles/acts";
import { moveCycle } from "../../src/cycles/move-cycle";
import { recordReview } from "../../src/cycles/reviews";
import { computeCycleEligibility } from "../../src/incentives/cycle-eligibility";
import { payrollCsv } from "../../src/incentives/payroll-export";
import { payrollFile } from "../../src/incentives/payroll-file";
import { setIncentiveRules } from "../../src/incentives/set-rules";
import { importPeople } from "../../src/people/import-people";
import { openWithPlan, testDatabases } from "../support/databases";

const nucleo = { subject: "nucleo.presidente", roles: [Role.EVALUATION_BOARD], units: [] };
const admin = { subject: "hr.office", roles: [Role.ADMIN], units: [] };

/** Random staff in three directorates, part-timers and people who moved on 2019-09-09 among them. */
const staff = fc.array(
  fc.record({
    category: fc.constantFrom("DIRIGENTE", "PO", "DIPENDENTE"),
    unit: fc.constantFrom("EDU", "DG", "CULT"),
    movedTo: fc.option(fc.constantFrom("DSAGMP", "TA")),
    share: fc.constantFrom("1", "0,5"),
    score: fc.integer({ min: 40, max: 100 }),
  }),
  { minLength: 1, maxLength: 12 },
);

describe("the frozen payroll file", () => {
  it("is the file the validated figures make, byte for byte, however often it is exported", async () => {
    await fc.assert(
      fc.asyncProperty(
        staff,
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        async (people, staffFundCents, unitScore) => {
          const dataSource = await openWithPlan(testDatabases[0]);
          try {
            const review = (objectiveKey: string | null, unitCode: string | null, score: number) =>
              recordReview(dataSource, nucleo, {
                year: 2019,
                objectiveKey,
                unitCode,
                gateOpen: null,
                decision: ReviewDecision.OVERRIDDEN,
                score,
                comment: "Punteggio fissato dal Nucleo per la prova",
              });
            for (const key of ["SOL-SOLIDALE", "SOL-ATTRATTIVA", "SOL-DIGITALE", "SOL-AMBIENTE"])
              await review(key, null, 1);
            for (const unit of ["EDU", "DG", "CULT", "DSAGMP", "TA"]) {
              for (const key of ["GES-ANTICORRUZIONE", "GES-PROGRAMMAZIONE", "GES-DIGITALIZZAZIONE", "GES-ERP"])
                await review(key, unit, unitScore / 100);
              await review(null, unit, unitScore / 100);
            }
            const code = (i: number) => `E${String(i).padStart(3, "0")}`;
            await importPeople(dataSource, admin, {
              employees: [
                "matricola;nome;categoria",
                ...people.map((p, i) => `${code(i)};Dipendente ${i};${p.category}`),
              ].join("\n"),
              assignments: [
                "matricola;unita;dal;al;quota",
                ...people.flatMap((p, i) =>
                  p.movedTo === null
                    ? [`${code(i)};${p.unit};01/01/2019;;${p.share}`]
                    : [
                        `${code(i)};${p.unit};01/01/2019;08/09/2019;${p.share}`,
                        `${code(i)};${p.movedTo};09/09/2019;;${p.share}`,
                      ],
                ),
              ].join("\n"),
              assessments: ["matricola;anno;punteggio", ...people.map((p, i) => `${code(i)};2019;${p.score}`)].join(
                "\n",
              ),
            });
            const agreement = await recordAct(dataSource, admin, {
              kind: ActKind.COLLECTIVE_AGREEMENT,
              number: "1",
              date: "2020-03-31",
              subject: "Contratto integrativo: fondi e criteri del 2019",
            });
            await setIncentiveRules(dataSource, admin, {
              year: 2019,
              actKey: agreement.key,
              rules: {
                differentiation: { quota: 0.25, uplift: 0.3, categories: ["PO", "STAFF"] },
                funds: { STAFF: { actKey: agreement.key, amount: (staffFundCents / 100).toFixed(2) } },
              },
            });
            const cache = new YearDataCache(dataSource);
            const live = payrollFile(
              await computeCycleEligibility(dataSource, createAttainmentService(dataSource, cache), 2019),
            );
            await moveCycle(dataSource, createAttainmentService(dataSource, cache), admin, {
              year: 2019,
              to: CycleStatus.UNDER_REVIEW,
              actKey: null,
              note: null,
            });
            const minutes = await recordAct(dataSource, nucleo, {
              kind: ActKind.EVALUATION_BOARD_MINUTES,
              number: "7",
              date: "2020-06-30",
              subject: "Validazione della Relazione sulla Performance 2019",
            });
            await moveCycle(dataSource, createAttainmentService(dataSource, cache), nucleo, {
              year: 2019,
              to: CycleStatus.VALIDATED,
              actKey: minutes.key,
              note: null,
            });
            const first = await payrollCsv(dataSource, 2019);
            // What no guard sees (a name changed by hand) moves nothing; a refused write changes nothing either.
            await dataSource.query("UPDATE employee SET name = 'Altro nome'");
            await expect(
              importPeople(dataSource, admin, {
                employees: null,
                assignments: null,
                assessments: "matricola;anno;punteggio\nE000;2019;41",
              }),
            ).rejects.toThrow(/is validated/);
            expect(await payrollCsv(dataSource, 2019)).toBe(first);
            expect(first).toBe(live);
          } finally {
            await testDatabases[0].close(dataSource);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
