import { DataSource, Logger } from "typeorm";
import { dataSourceOptions } from "../ormconfig";
import { Config } from "./config";

/** Opens the database and applies pending migrations: the schema only ever comes from them. */
export async function openDatabase(
  config: Pick<Config, "DATABASE_URL" | "SQLITE_PATH">,
  logger?: Logger,
): Promise<DataSource> {
  const dataSource = await new DataSource({ ...dataSourceOptions(config), ...(logger ? { logger, logging: true } : {}) }).initialize();
  await dataSource.runMigrations({ transaction: "each" });
  return dataSource;
}
