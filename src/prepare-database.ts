import { DataSource, Logger, Not } from "typeorm";
import { Administration } from "../entities/administration.entity";
import { DatabaseConfig } from "../ormconfig";
import { ensureCycles } from "./cycles/cycles";
import { openDatabase } from "./database";
import { loadJobKpis } from "./plan-data/load-job-kpis";
import { LoadReport, loadPlan } from "./plan-data/load-plan";
import { readPlanData } from "./plan-data/read-plan-data";

/**
 * Migrates the database and adds whatever of the Milan plan, the job KPIs and the yearly cycles it
 * lacks. A database that holds another administration (loaded from its own workbook with npm run
 * import:plan) keeps it alone: one administration per database.
 */
export async function prepareDatabase(
  config: DatabaseConfig,
  logger?: Logger,
): Promise<{ dataSource: DataSource; inserted: LoadReport }> {
  const dataSource = await openDatabase(config, logger);
  try {
    const milan = readPlanData();
    const another = await dataSource.manager.existsBy(Administration, { code: Not(milan.administration.code) });
    const inserted = another ? {} : await loadPlan(dataSource, milan);
    if (!another) inserted.jobKpis = await loadJobKpis(dataSource);
    inserted.cycles = await ensureCycles(dataSource.manager);
    return { dataSource, inserted };
  } catch (error) {
    // A start that failed must not leave its connections open: they would keep a test run alive.
    await dataSource.destroy();
    throw error;
  }
}
