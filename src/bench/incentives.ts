import { DataSource } from "typeorm";
import { CycleStatus, OrgUnitKind, ReviewDecision, Role } from "../../entities/enums";
import { OrgUnit } from "../../entities/org-unit.entity";
import { createAttainmentService } from "../attainment/attainment-service";
import { YearDataCache } from "../attainment/year-data-cache";
import { moveCycle } from "../cycles/move-cycle";
import { recordReview } from "../cycles/reviews";
import { isWithin } from "../dates";
import { computeCycleEligibility } from "../incentives/cycle-eligibility";
import { payrollCsv } from "../incentives/payroll-export";
import { importPeople } from "../people/import-people";
import { generatePeople } from "../simulate/people";
import { measured } from "./measure";

/**
 * Eligibility and the payroll file for the whole staff. So that every unit has a score, the
 * Nucleo's overrides stand in for attainment the generated sources do not cover (labelled so).
 */
export async function benchIncentives(dataSource: DataSource, employees: number) {
  const nucleo = { subject: "bench-nucleo", roles: [Role.EVALUATION_BOARD], units: [] };
  const admin = { subject: "bench-admin", roles: [Role.ADMIN], units: [] };
  const review = (objectiveKey: string | null, unitCode: string | null, score: number) =>
    recordReview(dataSource, nucleo, {
      year: 2019,
      objectiveKey,
      unitCode,
      gateOpen: null,
      decision: ReviewDecision.OVERRIDDEN,
      score,
      comment: "bench: stands in for attainment the generated sources do not cover",
    });
  for (const key of ["SOL-SOLIDALE", "SOL-ATTRATTIVA", "SOL-DIGITALE", "SOL-AMBIENTE"]) await review(key, null, 1);
  for (const key of ["GES-ANTICORRUZIONE", "GES-PROGRAMMAZIONE", "GES-DIGITALIZZAZIONE", "GES-ERP"])
    await review(key, null, 0.9);
  const units = (await dataSource.manager.find(OrgUnit))
    .filter((u) => u.kind !== OrgUnitKind.AREA && isWithin("2019-12-31", u.validFrom, u.validTo))
    .map((u) => u.code);
  for (const [i, code] of units.entries()) await review(null, code, 0.6 + ((i * 7) % 10) / 25);
  // A fresh service for each computation, as each request gets; the year's data cached between them.
  const cache = new YearDataCache(dataSource);
  const attainment = () => createAttainmentService(dataSource, cache);
  const people = generatePeople(units, employees, 2019);
  const imported = await measured(() => importPeople(dataSource, admin, people));
  const eligibility = await measured(() => computeCycleEligibility(dataSource, attainment(), 2019));
  await moveCycle(dataSource, attainment(), admin, {
    year: 2019,
    to: CycleStatus.UNDER_REVIEW,
    actKey: null,
    note: null,
  });
  await moveCycle(dataSource, attainment(), nucleo, {
    year: 2019,
    to: CycleStatus.VALIDATED,
    actKey: "BENCH-NV",
    note: null,
  });
  const exported = await measured(() => payrollCsv(dataSource, attainment(), 2019));
  const closed = await measured(() =>
    moveCycle(dataSource, attainment(), admin, { year: 2019, to: CycleStatus.CLOSED, actKey: null, note: null }),
  );
  const frozenExport = await measured(() => payrollCsv(dataSource, attainment(), 2019));
  return {
    employees,
    units: units.length,
    importSeconds: +imported.seconds.toFixed(2),
    eligibilitySeconds: +eligibility.seconds.toFixed(2),
    eligibilityPeakHeapMb: +eligibility.peakHeapMb.toFixed(1),
    paid: eligibility.result.rows.filter((r) => (r.payableShare ?? 0) > 0).length,
    payrollExportSeconds: +exported.seconds.toFixed(2),
    payrollExportPeakHeapMb: +exported.peakHeapMb.toFixed(1),
    payrollBytes: Buffer.byteLength(exported.result),
    closeAndFreezeSeconds: +closed.seconds.toFixed(2),
    frozenExportSeconds: +frozenExport.seconds.toFixed(2),
    frozenExportIdentical: frozenExport.result === exported.result,
  };
}
