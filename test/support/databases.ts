import { randomBytes } from "node:crypto";
import { DataSource, Logger } from "typeorm";
import { entities } from "../../entities";
import { Config } from "../../src/config";
import { openDatabase } from "../../src/database";
import { prepareDatabase } from "../../src/prepare-database";

/**
 * The databases every integration suite runs on, through the same code path as production: the
 * embedded SQLite, and a scratch database on the MySQL/MariaDB server that global-setup probed.
 */
const MYSQL_SERVER = process.env.TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";

export interface TestDatabase {
  name: "sqlite" | "mysql";
  /** A fresh database, migrated; `withPlan`: also given what `npm start` gives it (prepareDatabase). */
  open(logger?: Logger, withPlan?: boolean): Promise<DataSource>;
  /** A second connection to the same database, as a second server would have. */
  twin(dataSource: DataSource): Promise<DataSource>;
  /** The DATABASE_URL of a MySQL test database, for another process. */
  urlOf(dataSource: DataSource): string;
  /** Closes it (and drops a MySQL scratch database); does nothing for a suite whose database never opened. */
  close(dataSource: DataSource | undefined): Promise<void>;
}

async function start(
  config: Pick<Config, "DATABASE_URL" | "SQLITE_PATH">,
  logger: Logger | undefined,
  withPlan: boolean,
): Promise<DataSource> {
  return withPlan ? (await prepareDatabase(config, logger)).dataSource : openDatabase(config, logger);
}

const sqlite: TestDatabase = {
  name: "sqlite",
  open: (logger, withPlan = false) => start({ SQLITE_PATH: ":memory:" }, logger, withPlan),
  // An in-memory database has one connection: the "second server" shares it.
  twin: (dataSource) => Promise.resolve(dataSource),
  urlOf: () => {
    throw new Error("an in-memory SQLite database cannot be reached from another process");
  },
  close: async (dataSource) => {
    if (dataSource?.isInitialized) await dataSource.destroy();
  },
};

const scratchNames = new WeakMap<DataSource, string>();

const mysql: TestDatabase = {
  name: "mysql",
  async open(logger, withPlan = false) {
    const scratch = await scratchMysqlDatabase();
    try {
      const dataSource = await start({ DATABASE_URL: scratch.url, SQLITE_PATH: "" }, logger, withPlan);
      scratchNames.set(dataSource, scratch.name);
      return dataSource;
    } catch (error) {
      // The failed start closed its connections; the scratch database is left to drop.
      await scratch.drop();
      throw error;
    }
  },
  twin: (dataSource) =>
    openDatabase({ DATABASE_URL: `${MYSQL_SERVER}/${scratchNames.get(dataSource)}`, SQLITE_PATH: "" }),
  urlOf: (dataSource) => `${MYSQL_SERVER}/${scratchNames.get(dataSource)}`,
  async close(dataSource) {
    if (!dataSource) return;
    const name = scratchNames.get(dataSource);
    if (dataSource.isInitialized) await dataSource.destroy();
    if (name) await drop(name);
  },
};

/** An empty database on the test MySQL server (Traguardo's, or another system's a job reads), to drop after. */
export async function scratchMysqlDatabase(): Promise<{ name: string; url: string; drop(): Promise<unknown> }> {
  const name = `traguardo_test_${randomBytes(4).toString("hex")}`;
  await withServer((admin) => admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  return { name, url: `${MYSQL_SERVER}/${name}`, drop: () => drop(name) };
}

function drop(name: string): Promise<unknown> {
  return withServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
}

async function withServer<T>(work: (admin: DataSource) => Promise<T>): Promise<T> {
  const admin = await new DataSource({ type: "mysql", url: MYSQL_SERVER }).initialize();
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

export const testDatabases: TestDatabase[] =
  process.env.TRAGUARDO_TEST_MYSQL === "available" ? [sqlite, mysql] : [sqlite];

/** A fresh database of the kind as `npm start` prepares it: migrated, with the Milan plan, the job KPIs and the yearly cycles. */
export function openWithPlan(db: TestDatabase, logger?: Logger): Promise<DataSource> {
  return db.open(logger, true);
}

/** The number of rows of every table, by entity: equal before and after means nothing was written. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts = await Promise.all(entities.map((entity) => dataSource.manager.count(entity)));
  return Object.fromEntries(entities.map((entity, i) => [entity.name, counts[i]]));
}
