import { DataSource } from "typeorm";
import { ActKind, CycleStatus, ObjectiveLevel, OrgUnitKind, ReviewDecision, Role } from "../../entities/enums";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { AttainmentService, createAttainmentService } from "../attainment/attainment-service";
import { YearDataCache } from "../attainment/year-data-cache";
import { recordAct } from "../cycles/acts";
import { moveCycle } from "../cycles/move-cycle";
import { recordReview } from "../cycles/reviews";
import { isWithin } from "../dates";
import { computeCycleEligibility } from "../incentives/cycle-eligibility";
import { payrollCsv } from "../incentives/payroll-export";
import { payrollFile } from "../incentives/payroll-file";
import { setIncentiveRules } from "../incentives/set-rules";
import { importPeople } from "../people/import-people";
import { generatePeople } from "../simulate/people";
import { measured } from "./measure";

export const YEAR = 2019;
export const BENCH_NUCLEO = { subject: "bench-nucleo", roles: [Role.EVALUATION_BOARD], units: [] };
export const BENCH_ADMIN = { subject: "bench-admin", roles: [Role.ADMIN], units: [] };
const JUSTIFICATION = "bench: stands in for attainment the generated sources do not cover";

/** The Nucleo's overrides where the GENERATED sources give no attainment (labelled so): Solidali, each directorate's Gestionali and Direzione. */
async function reviewEverything(dataSource: DataSource, units: readonly string[]) {
  const review = (objectiveKey: string | null, unitCode: string | null, score: number) =>
    recordReview(dataSource, BENCH_NUCLEO, {
      year: YEAR,
      objectiveKey,
      unitCode,
      gateOpen: null,
      decision: ReviewDecision.OVERRIDDEN,
      score,
      comment: JUSTIFICATION,
    });
  const keys = async (level: ObjectiveLevel) =>
    (await dataSource.manager.find(Objective, { where: { level } })).map((o) => o.key);
  for (const key of await keys(ObjectiveLevel.SOLIDALE)) await review(key, null, 1);
  const gestionali = await keys(ObjectiveLevel.GESTIONALE);
  for (const [i, code] of units.entries()) {
    for (const key of gestionali) await review(key, code, 0.8 + (i % 3) / 10);
    await review(null, code, 0.6 + ((i * 7) % 10) / 25);
  }
}

/**
 * The year ready for the people: every directorate reviewed by the Nucleo, the funds set by act;
 * answers the directorates and the GENERATED people to import.
 */
export async function prepareIncentives(dataSource: DataSource, employees: number) {
  const directorates = (await dataSource.manager.find(OrgUnit)).filter(
    (u) => u.kind !== OrgUnitKind.AREA && isWithin(`${YEAR}-12-31`, u.validFrom, u.validTo),
  );
  await reviewEverything(
    dataSource,
    directorates.map((u) => u.code),
  );
  const agreement = await recordAct(dataSource, BENCH_ADMIN, {
    kind: ActKind.COLLECTIVE_AGREEMENT,
    number: "1",
    date: `${YEAR + 1}-03-31`,
    subject: "bench: GENERATED collective agreement on the incentive funds",
  });
  // About 2,000 euros a head for staff, 6,000 for POs, 15,000 for managers (GENERATED figures).
  await setIncentiveRules(dataSource, BENCH_ADMIN, {
    year: YEAR,
    actKey: agreement.key,
    rules: {
      differentiation: { quota: 0.1, uplift: 0.3, categories: ["STAFF"] },
      funds: {
        STAFF: { actKey: agreement.key, amount: Math.round(employees * 0.9 * 2000) },
        PO: { actKey: agreement.key, amount: Math.round(employees * 0.08 * 6000) },
        MANAGER: { actKey: agreement.key, amount: Math.round(employees * 0.02 * 15000) },
      },
    },
  });
  // People only in units that existed all year: an assignment to a unit on days it did not exist is refused.
  const allYear = directorates.filter((u) => isWithin(`${YEAR}-01-01`, u.validFrom, u.validTo)).map((u) => u.code);
  return { directorates, people: generatePeople(allYear, employees, YEAR) };
}

/** The year sent to review and the Nucleo's minutes recorded: answers the act validation cites. */
export async function sendToReview(dataSource: DataSource, attainment: AttainmentService): Promise<string> {
  await moveCycle(dataSource, attainment, BENCH_ADMIN, {
    year: YEAR,
    to: CycleStatus.UNDER_REVIEW,
    actKey: null,
    note: null,
  });
  const minutes = await recordAct(dataSource, BENCH_NUCLEO, {
    kind: ActKind.EVALUATION_BOARD_MINUTES,
    number: "1",
    date: `${YEAR + 1}-06-30`,
    subject: "bench: GENERATED validation of the performance report",
  });
  return minutes.key;
}

/**
 * Eligibility, the amounts from each category's fund (art. 69 inside it) and the payroll file for
 * the whole staff, as validation freezes them and payroll reads them.
 */
export async function benchIncentives(dataSource: DataSource, employees: number) {
  const { directorates, people } = await prepareIncentives(dataSource, employees);
  // A fresh service for each computation, as each request gets; the year's data cached between them.
  const cache = new YearDataCache(dataSource);
  const attainment = () => createAttainmentService(dataSource, cache);
  const imported = await measured(() => importPeople(dataSource, BENCH_ADMIN, people));
  const eligibility = await measured(() => computeCycleEligibility(dataSource, attainment(), YEAR));
  const file = await measured(() => Promise.resolve(payrollFile(eligibility.result)));
  const minutes = await sendToReview(dataSource, attainment());
  const validated = await measured(() =>
    moveCycle(dataSource, attainment(), BENCH_NUCLEO, {
      year: YEAR,
      to: CycleStatus.VALIDATED,
      actKey: minutes,
      note: null,
    }),
  );
  const exported = await measured(() => payrollCsv(dataSource, YEAR));
  const closed = await measured(() =>
    moveCycle(dataSource, attainment(), BENCH_ADMIN, {
      year: YEAR,
      to: CycleStatus.CLOSED,
      actKey: null,
      note: null,
    }),
  );
  const again = await measured(() => payrollCsv(dataSource, YEAR));
  const rows = eligibility.result.rows;
  return {
    employees,
    units: directorates.length,
    eligibilities: rows.length,
    paid: rows.filter((r) => (r.payableShare ?? 0) > 0).length,
    uplifted: rows.filter((r) => (r.maggiorazione ?? 0) > 0).length,
    importSeconds: +imported.seconds.toFixed(2),
    eligibilityAndAmountsSeconds: +eligibility.seconds.toFixed(2),
    eligibilityPeakHeapMb: +eligibility.peakHeapMb.toFixed(1),
    payrollFileSeconds: +file.seconds.toFixed(2),
    eligibilityAmountsAndFileSeconds: +(eligibility.seconds + file.seconds).toFixed(2),
    validateAndFreezeSeconds: +validated.seconds.toFixed(2),
    closeSeconds: +closed.seconds.toFixed(2),
    frozenExportSeconds: +exported.seconds.toFixed(2),
    frozenExportPeakHeapMb: +exported.peakHeapMb.toFixed(1),
    payrollBytes: Buffer.byteLength(exported.result),
    frozenExportAfterCloseSeconds: +again.seconds.toFixed(2),
    frozenExportIdentical: again.result === exported.result && exported.result === file.result,
  };
}
