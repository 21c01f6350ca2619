import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { openDatabase } from "../../src/database";
import { prepareDatabase } from "../../src/prepare-database";
import { Measurement } from "../../entities/measurement.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { scratchMysqlDatabase, testDatabases } from "../support/databases";

const OBJECTIVES = "{ objectives(year: 2019, first: 1) { nodes { title } } }";

const describeMysql = testDatabases.some((db) => db.name === "mysql") ? describe : describe.skip;

describeMysql("a table locked on MariaDB", () => {
  let scratch: Awaited<ReturnType<typeof scratchMysqlDatabase>>;
  let dataSource: DataSource;
  let locker: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    scratch = await scratchMysqlDatabase();
    await (await prepareDatabase({ DATABASE_URL: scratch.url, SQLITE_PATH: "" })).dataSource.destroy();
    dataSource = await openDatabase({
      DATABASE_URL: scratch.url,
      SQLITE_PATH: "",
      DATABASE_STATEMENT_TIMEOUT_SECONDS: 1,
    });
    locker = await openDatabase({ DATABASE_URL: scratch.url, SQLITE_PATH: "" });
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
    if (locker?.isInitialized) await locker.destroy();
    await scratch?.drop();
  });

  it("answers SERVICE_UNAVAILABLE after the statement timeout, and answers again once it is released", async () => {
    const runner = locker.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("LOCK TABLES objective WRITE");
      const started = Date.now();
      const { errors } = await api.graphql(OBJECTIVES);
      const took = Date.now() - started;
      expect(errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(errors?.[0].message).toMatch(/^The database is unavailable: the database took too long to answer/);
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(5000);
    } finally {
      await runner.query("UNLOCK TABLES");
      await runner.release();
    }
    const { errors, data } = await api.graphql(OBJECTIVES);
    expect(errors).toBeUndefined();
    expect(data).toBeDefined();
  });

  it("answers a write held by a locked table SERVICE_UNAVAILABLE after the statement timeout, writing nothing", async () => {
    const admin = await bearer(["ADMIN"]);
    const record = () =>
      api.graphql(
        'mutation { recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "56" }) { id } }',
        {},
        admin,
      );
    const runner = locker.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("LOCK TABLES measurement WRITE");
      const started = Date.now();
      const { errors } = await record();
      const took = Date.now() - started;
      expect(errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(5000);
    } finally {
      await runner.query("UNLOCK TABLES");
      await runner.release();
    }
    expect(await dataSource.manager.count(Measurement)).toBe(0);
    expect((await record()).errors).toBeUndefined();
  });
});

describe("a SQLite file locked by another process", () => {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-locked-"));
  const file = join(folder, "traguardo.sqlite");
  let dataSource: DataSource;
  let locker: Database.Database;
  let api: RunningApi;

  beforeAll(async () => {
    await (await prepareDatabase({ SQLITE_PATH: file })).dataSource.destroy();
    dataSource = await openDatabase({ SQLITE_PATH: file, SQLITE_BUSY_TIMEOUT_MS: 200 });
    locker = new Database(file);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
    locker?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("answers SERVICE_UNAVAILABLE after the busy timeout, and answers again once the lock is released", async () => {
    locker.exec("BEGIN EXCLUSIVE");
    try {
      const { status, errors } = await api.graphql(OBJECTIVES);
      expect(status).toBeLessThan(500);
      expect(errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      locker.exec("COMMIT");
    }
    const { errors, data } = await api.graphql(OBJECTIVES);
    expect(errors).toBeUndefined();
    expect(data).toBeDefined();
  });
});
