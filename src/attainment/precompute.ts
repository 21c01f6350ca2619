import { DataSource } from "typeorm";
import { createAttainmentService } from "./attainment-service";
import { YearDataCache } from "./year-data-cache";

/**
 * Scores again, as soon as their inputs change, the years this server has served, so that the
 * first dashboard after a job run or a write finds them computed instead of computing them: it
 * reads the inputs' count of changes (one statement), and for each year and "as of" day whose
 * data is older, loads it and scores the gate and every directorate into the shared cache.
 * Answers the number of years scored.
 */
export async function precomputeStaleYears(dataSource: DataSource, cache: YearDataCache): Promise<number> {
  const stale = cache.staleEntries(await cache.version());
  for (const { year, asOf } of stale) {
    const attainment = createAttainmentService(dataSource, cache);
    await Promise.all([attainment.gate(year, asOf), attainment.units(year, asOf)]);
  }
  return stale.length;
}
