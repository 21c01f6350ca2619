import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSourceOptions } from "typeorm";
import { Config } from "./src/config";
import { entities } from "./entities";
import { migrations } from "./src/migrations";
import { MysqlFlavour, resilientMysql } from "./src/storage/mysql-driver";

export type { MysqlFlavour };

/** What the database needs of the configuration; the limits are left to the drivers when not given. */
export type DatabaseConfig = Pick<Config, "DATABASE_URL" | "SQLITE_PATH"> &
  Partial<Pick<Config, "DATABASE_STATEMENT_TIMEOUT_SECONDS" | "SQLITE_BUSY_TIMEOUT_MS">>;

/**
 * Database options from the validated configuration: MySQL/MariaDB through mysql2 when
 * DATABASE_URL is set, otherwise an embedded SQLite file. The schema comes only from migrations.
 */
export function dataSourceOptions(config: DatabaseConfig, serverFlavour: MysqlFlavour = "mysql"): DataSourceOptions {
  const common = { entities, migrations, synchronize: false, migrationsRun: false } as const;
  if (config.DATABASE_URL) {
    return {
      ...common,
      // TypeORM reads MariaDB's catalogue (column defaults, generated columns) differently from
      // MySQL's; without the right type it sees differences that are not there.
      type: serverFlavour,
      url: config.DATABASE_URL.replace(/^mariadb:/, "mysql:"),
      charset: "utf8mb4_unicode_ci",
      // Instants are written and read in UTC; DATE columns come back as the 'YYYY-MM-DD' text
      // they hold, so the server's time zone can never shift a plan date.
      timezone: "Z",
      dateStrings: ["DATE"],
      driver: resilientMysql(serverFlavour, config.DATABASE_STATEMENT_TIMEOUT_SECONDS ?? 0),
    };
  }
  if (config.SQLITE_PATH !== ":memory:") mkdirSync(dirname(config.SQLITE_PATH), { recursive: true });
  return {
    ...common,
    type: "better-sqlite3",
    database: config.SQLITE_PATH,
    // How long a write waits for another process's lock before failing as SQLITE_BUSY.
    ...(config.SQLITE_BUSY_TIMEOUT_MS === undefined ? {} : { timeout: config.SQLITE_BUSY_TIMEOUT_MS }),
    // Without it, INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers,
    // and so overwrites an append-only row (a measurement, an audit event) that the triggers guard.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma("recursive_triggers = ON");
    },
  };
}
