import { DataSource } from "typeorm";
import { precomputeStaleYears } from "../attainment/precompute";
import { YearDataCache } from "../attainment/year-data-cache";
import { createAttainmentService } from "../attainment/attainment-service";
import { PreparedEligibility } from "../incentives/prepared-eligibility";
import { Logger } from "../logger";

/**
 * Every `intervalMs`, one pass at a time, the work a server does ahead of its requests after a
 * change: the attainment of the years it has served (src/attainment/precompute.ts), then the
 * eligibility of the year under review, which the Nucleo's validation freezes. A failed pass is
 * logged and tried at the next; the requests compute what it did not.
 */
export function startPrecomputing(
  dataSource: DataSource,
  cache: YearDataCache,
  eligibility: PreparedEligibility,
  logger: Logger,
  intervalMs: number,
): { stop(): void } {
  const pass = async () => {
    let started = Date.now();
    const years = await precomputeStaleYears(dataSource, cache).catch((error: unknown) => {
      logger.warn({ err: error }, "precomputing attainment failed: the next request computes it");
      return 0;
    });
    if (years > 0) logger.debug({ years, ms: Date.now() - started }, "attainment precomputed after a change");
    started = Date.now();
    const year = await eligibility
      .prepareYearUnderReview(dataSource, createAttainmentService(dataSource, cache))
      .catch((error: unknown) => {
        logger.warn({ err: error }, "preparing the eligibility under review failed: validation computes it");
        return null;
      });
    if (year !== null) logger.debug({ year, ms: Date.now() - started }, "eligibility under review prepared");
  };
  let running = false;
  const timer = setInterval(() => {
    if (running || !dataSource.isInitialized) return;
    running = true;
    void pass().finally(() => (running = false));
  }, intervalMs);
  // A timer alone does not keep the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
