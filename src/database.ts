import { createConnection } from "mysql2/promise";
import { DataSource, Logger } from "typeorm";
import { DatabaseConfig, dataSourceOptions, MysqlFlavour } from "../ormconfig";

/** Opens the database and applies pending migrations: the schema only ever comes from them. */
export async function openDatabase(config: DatabaseConfig, logger?: Logger): Promise<DataSource> {
  const flavour = config.DATABASE_URL ? await mysqlFlavour(config.DATABASE_URL) : undefined;
  const options = { ...dataSourceOptions(config, flavour), ...(logger ? { logger, logging: true as const } : {}) };
  const dataSource = await new DataSource(options).initialize();
  try {
    await dataSource.runMigrations({ transaction: "each" });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Whether a mysql:// server is MariaDB or MySQL, from the version it reports. */
export async function mysqlFlavour(url: string): Promise<MysqlFlavour> {
  const connection = await createConnection(url.replace(/^mariadb:/, "mysql:"));
  try {
    const [rows] = await connection.query("SELECT VERSION() AS version");
    return /mariadb/i.test((rows as Array<{ version: string }>)[0].version) ? "mariadb" : "mysql";
  } finally {
    await connection.end();
  }
}
