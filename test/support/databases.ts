import { randomBytes } from "node:crypto";
import { DataSource, Logger } from "typeorm";
import { entities } from "../../entities";
import { ensureCycles } from "../../src/cycles/cycles";
import { openDatabase } from "../../src/database";
import { loadJobKpis } from "../../src/plan-data/load-job-kpis";
import { loadPlan } from "../../src/plan-data/load-plan";
import { readPlanData } from "../../src/plan-data/read-plan-data";

/**
 * The databases every integration suite runs on, through the same code path as production: the
 * embedded SQLite, and a scratch database on the MySQL/MariaDB server that global-setup probed.
 */
const MYSQL_SERVER = process.env.TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";

export interface TestDatabase {
  name: "sqlite" | "mysql";
  open(logger?: Logger): Promise<DataSource>;
  /** A second connection to the same database, as a second server would have. */
  twin(dataSource: DataSource): Promise<DataSource>;
  /** The DATABASE_URL of a MySQL test database, for another process. */
  urlOf(dataSource: DataSource): string;
  close(dataSource: DataSource): Promise<void>;
}

const sqlite: TestDatabase = {
  name: "sqlite",
  open: (logger) => openDatabase({ SQLITE_PATH: ":memory:" }, logger),
  // An in-memory database has one connection: the "second server" shares it.
  twin: (dataSource) => Promise.resolve(dataSource),
  urlOf: () => {
    throw new Error("an in-memory SQLite database cannot be reached from another process");
  },
  close: async (dataSource) => {
    if (dataSource.isInitialized) await dataSource.destroy();
  },
};

const scratchNames = new WeakMap<DataSource, string>();

const mysql: TestDatabase = {
  name: "mysql",
  async open(logger) {
    const name = `traguardo_test_${randomBytes(4).toString("hex")}`;
    await withServer((admin) =>
      admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`),
    );
    const dataSource = await openDatabase({ DATABASE_URL: `${MYSQL_SERVER}/${name}`, SQLITE_PATH: "" }, logger);
    scratchNames.set(dataSource, name);
    return dataSource;
  },
  twin: (dataSource) =>
    openDatabase({ DATABASE_URL: `${MYSQL_SERVER}/${scratchNames.get(dataSource)}`, SQLITE_PATH: "" }),
  urlOf: (dataSource) => `${MYSQL_SERVER}/${scratchNames.get(dataSource)}`,
  async close(dataSource) {
    const name = scratchNames.get(dataSource);
    if (dataSource.isInitialized) await dataSource.destroy();
    if (name) await withServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
  },
};

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

/** A fresh database of the kind, migrated, with the Milan plan, the job KPIs and the yearly cycles. */
export async function openWithPlan(db: TestDatabase, logger?: Logger): Promise<DataSource> {
  const dataSource = await db.open(logger);
  await loadPlan(dataSource, readPlanData());
  await loadJobKpis(dataSource);
  await ensureCycles(dataSource.manager);
  return dataSource;
}

/** The number of rows of every table, by entity: equal before and after means nothing was written. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts = await Promise.all(entities.map((entity) => dataSource.manager.count(entity)));
  return Object.fromEntries(entities.map((entity, i) => [entity.name, counts[i]]));
}
