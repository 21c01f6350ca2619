import { DataSource } from "typeorm";
import { Config } from "./config";
import { ensureCycles } from "./cycles/cycles";
import { openDatabase } from "./database";
import { loadJobKpis } from "./plan-data/load-job-kpis";
import { LoadReport, loadPlan } from "./plan-data/load-plan";
import { readPlanData } from "./plan-data/read-plan-data";

/** Migrates the database and adds whatever of the Milan plan, the job KPIs and the yearly cycles it lacks. */
export async function prepareDatabase(
  config: Pick<Config, "DATABASE_URL" | "SQLITE_PATH">,
): Promise<{ dataSource: DataSource; inserted: LoadReport }> {
  const dataSource = await openDatabase(config);
  const inserted = await loadPlan(dataSource, readPlanData());
  inserted.jobKpis = await loadJobKpis(dataSource);
  inserted.cycles = await ensureCycles(dataSource.manager);
  return { dataSource, inserted };
}
