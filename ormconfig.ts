import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSourceOptions } from "typeorm";
import { Config } from "./src/config";
import { entities } from "./entities";
import { migrations } from "./src/migrations";

export type MysqlFlavour = "mysql" | "mariadb";

/**
 * Database options from the validated configuration: MySQL/MariaDB through mysql2 when
 * DATABASE_URL is set, otherwise an embedded SQLite file. The schema comes only from migrations.
 */
export function dataSourceOptions(
  config: Pick<Config, "DATABASE_URL" | "SQLITE_PATH">,
  serverFlavour: MysqlFlavour = "mysql",
): DataSourceOptions {
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
    };
  }
  if (config.SQLITE_PATH !== ":memory:") mkdirSync(dirname(config.SQLITE_PATH), { recursive: true });
  return {
    ...common,
    type: "better-sqlite3",
    database: config.SQLITE_PATH,
    // Without it, INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers,
    // and so overwrites an append-only row (a measurement, an audit event) that the triggers guard.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma("recursive_triggers = ON");
    },
  };
}
