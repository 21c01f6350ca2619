import { DataSource } from "typeorm";
import { databaseUnavailable, ErrorCode } from "../../src/errors";
import { startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

/** Connections killed on the server (a DBA's KILL, a failover): MySQL/MariaDB only. */
const mysql = testDatabases.filter((db) => db.name === "mysql");

describe.each(mysql)("connections killed on $name", (db) => {
  let dataSource: DataSource;
  let admin: DataSource;
  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    admin = await db.twin(dataSource);
  });
  afterAll(async () => {
    if (admin !== dataSource) await admin?.destroy();
    await db.close(dataSource);
  });

  /** Kills, from the admin connection, every connection of the server's pool running a statement like `pattern` (all when omitted). */
  async function kill(pattern?: string): Promise<number> {
    const [{ name }] = await admin.query<Array<{ name: string }>>("SELECT DATABASE() AS name");
    const ids = await admin.query<Array<{ id: number }>>(
      `SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()${pattern ? " AND INFO LIKE ?" : ""}`,
      pattern ? [name, pattern] : [name],
    );
    for (const { id } of ids) await admin.query(`KILL ${Number(id)}`);
    return ids.length;
  }

  /** Waits until a statement like `pattern` runs on the server. */
  async function running(pattern: string): Promise<void> {
    for (;;) {
      const rows = await admin.query<unknown[]>("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE ?", [
        pattern,
      ]);
      if (rows.length) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it("answers every request after its pool's connections were killed: dead ones are replaced", async () => {
    const api = await startApi(dataSource);
    try {
      const query = "{ attainment(year: 2019) { units { unit { code } } } }";
      await Promise.all(Array.from({ length: 10 }, () => api.graphql(query)));
      expect(await kill()).toBeGreaterThan(0);
      const answers = [];
      for (let i = 0; i < 20; i += 1) answers.push(await api.graphql(query));
      expect(answers.filter((a) => a.errors)).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it("runs a read killed under it once more on a fresh connection, and gives its rows", async () => {
    const read = dataSource.query("SELECT SLEEP(0.5) AS slept, 'letto' AS answer");
    await running("SELECT SLEEP(0.5)%");
    expect(await kill("SELECT SLEEP(0.5)%")).toBe(1);
    expect(await read).toEqual([{ slept: 0, answer: "letto" }]);
  });

  it("does not repeat a write or a read inside a transaction: the caller gets SERVICE_UNAVAILABLE", async () => {
    // Caught at once: the rejection may come before the test awaits it.
    const write = dataSource
      .query("INSERT INTO data_version (name, version) SELECT 'killed-write', SLEEP(0.5)")
      .catch((error: unknown) => error);
    await running("INSERT INTO data_version%");
    await kill("INSERT INTO data_version%");
    const writeError: unknown = await write;
    expect(databaseUnavailable(writeError)?.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(await dataSource.query("SELECT name FROM data_version WHERE name = 'killed-write'")).toEqual([]);

    const inTransaction = dataSource
      .transaction((tx) => tx.query("SELECT SLEEP(0.5) AS slept"))
      .catch((error: unknown) => error);
    await running("SELECT SLEEP(0.5)%");
    await kill("SELECT SLEEP(0.5)%");
    const readError: unknown = await inTransaction;
    expect(databaseUnavailable(readError)?.message).toMatch(
      /^The database is unavailable: the connection to it was lost/,
    );
  });
});
