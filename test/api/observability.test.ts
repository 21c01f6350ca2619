import { mkdtempSync, rmSync } from "node:fs";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { DataSource } from "typeorm";
import { BetterSqlite3DataSourceOptions } from "typeorm/driver/better-sqlite3/BetterSqlite3DataSourceOptions";
import { dataSourceOptions } from "../../ormconfig";
import { prepareDatabase } from "../../src/prepare-database";
import { loadConfig } from "../../src/config";
import { SchedulerState } from "../../src/http/health";
import { createHttpServer, HttpServer } from "../../src/http/server";
import { bearer, TEST_JWT_SECRET } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A server whose log lines are kept for the test to read. */
async function serve(dataSource: DataSource, scheduler: SchedulerState, env: Record<string, string> = {}) {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split("\n")
          .map((text) => JSON.parse(text) as LogLine),
      );
      done();
    },
  });
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, ...env });
  const http: HttpServer = await createHttpServer(config, dataSource, pino({ level: "info" }, sink), scheduler);
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  return { url, lines, post, close: () => http.stop() };
}

describe.each(testDatabases)("health, access log and private access on $name", (db) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
  });
  afterAll(async () => {
    await db.close(dataSource);
  });

  it("answers liveness always, and readiness from the database, its migrations and the scheduler", async () => {
    let state: ReturnType<SchedulerState> = "running";
    const server = await serve(dataSource, () => state);
    try {
      expect(await (await fetch(`${server.url}/health/live`)).json()).toEqual({ status: "ok" });
      const ready = await fetch(`${server.url}/health/ready`);
      expect(ready.status).toBe(200);
      // The MariaDB of the tests is reached as root: ready, with the warning (and the log line) once.
      const database =
        db.name === "mysql"
          ? {
              ok: true,
              warning:
                "the server connects to the database as root: give it the least-privilege user (README, Database users), which cannot TRUNCATE or ALTER the append-only tables",
            }
          : { ok: true };
      expect(await ready.json()).toEqual({
        status: "ok",
        checks: { database, scheduler: { ok: true, detail: "running" } },
      });
      expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
      expect(server.lines.filter((line) => line.msg === "ready, with a warning")).toHaveLength(
        db.name === "mysql" ? 1 : 0,
      );
      state = "stopped";
      const stopped = await fetch(`${server.url}/health/ready`);
      expect(stopped.status).toBe(503);
      expect(((await stopped.json()) as { checks: unknown }).checks).toMatchObject({ scheduler: { ok: false } });
    } finally {
      await server.close();
    }
  });

  it("is not ready when the database does not answer", async () => {
    const gone = await db.open();
    const server = await serve(gone, () => "off");
    try {
      await gone.destroy();
      const response = await fetch(`${server.url}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "unavailable",
        checks: {
          database: { ok: false, detail: "the database does not answer" },
          scheduler: { ok: true, detail: "off (JOB_SCHEDULER=off)" },
        },
      });
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    } finally {
      await server.close();
      await db.close(gone);
    }
  });

  if (db.name === "sqlite")
    it.each([
      [
        "deleted while open",
        (file: string) => rmSync(file),
        "the database file was deleted or moved while open: writes would be lost",
      ],
      ["opened read-only", null, "the database file cannot be written (read-only file or folder)"],
    ])("is not ready when the SQLite file was %s, though it still answers reads", async (_what, harm, detail) => {
      const folder = mkdtempSync(join(tmpdir(), "traguardo-ready-"));
      const file = join(folder, "traguardo.sqlite");
      await (await prepareDatabase({ SQLITE_PATH: file })).dataSource.destroy();
      // Without the permission bits a root process ignores, read-only is how the server opened it.
      const served = await new DataSource({
        ...(dataSourceOptions({ SQLITE_PATH: file }) as BetterSqlite3DataSourceOptions),
        readonly: harm === null,
      }).initialize();
      const server = await serve(served, () => "off");
      try {
        expect((await fetch(`${server.url}/health/ready`)).status).toBe(harm === null ? 503 : 200);
        harm?.(file);
        expect(await served.query<unknown[]>("SELECT COUNT(*) AS n FROM objective")).toHaveLength(1);
        const response = await fetch(`${server.url}/health/ready`);
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({
          status: "unavailable",
          checks: { database: { ok: false, detail }, scheduler: { ok: true, detail: "off (JOB_SCHEDULER=off)" } },
        });
      } finally {
        await server.close();
        await served.destroy();
        rmSync(folder, { recursive: true, force: true });
      }
    });

  it("logs one line per request with operation, subject, role, status and duration, never the token or query", async () => {
    const server = await serve(dataSource, () => "off");
    try {
      const viewer = await bearer(["VIEWER"], [], "cruscotto");
      await server.post({ query: "query Piano { plan { title } }", operationName: "Piano" }, viewer);
      const admin = await bearer(["ADMIN"], [], "ops");
      await server.post({ query: 'mutation { runJob(jobKey: "piano-quartieri", period: "2020-Q1") { id } }' }, admin);
      await server.post({ query: "{ plan { title } }" }, { authorization: "Bearer forged.token.here" });

      const requests = server.lines.filter((line) => line.msg === "request");
      expect(requests.map(({ level: _l, time: _t, pid: _p, hostname: _h, ms, ...line }) => [typeof ms, line])).toEqual([
        [
          "number",
          {
            msg: "request",
            method: "POST",
            path: "/graphql",
            status: 200,
            subject: "cruscotto",
            role: "VIEWER",
            operation: "Piano",
            kind: "query",
          },
        ],
        [
          "number",
          {
            msg: "request",
            method: "POST",
            path: "/graphql",
            status: 200,
            subject: "ops",
            role: "ADMIN",
            operation: "(anonymous)",
            kind: "mutation",
            fields: ["runJob"],
            errors: ["INVALID_INPUT"],
          },
        ],
        ["number", { msg: "request", method: "POST", path: "/graphql", status: 401 }],
      ]);
      expect(server.lines.filter((line) => line.msg === "mutation")).toMatchObject([
        { subject: "ops", role: "ADMIN", fields: ["runJob"], errors: ["INVALID_INPUT"] },
      ]);
      expect(server.lines.filter((line) => line.msg === "authentication refused")).toMatchObject([
        { level: 40, reason: expect.stringMatching(/^Not authenticated: the token was refused/) as unknown },
      ]);
      const logged = JSON.stringify(server.lines);
      for (const secret of [
        viewer.authorization.slice(7),
        admin.authorization.slice(7),
        "forged.token.here",
        "plan { title }",
      ])
        expect(logged).not.toContain(secret);
    } finally {
      await server.close();
    }
  });

  it("answers nothing to an anonymous caller of a private API, not even __typename or introspection", async () => {
    const server = await serve(dataSource, () => "off", { API_ACCESS: "private" });
    try {
      for (const query of [
        "{ __typename }",
        '{ __type(name: "Employee") { name } }',
        "{ __schema { types { name } } }",
      ]) {
        const response = await server.post({ query });
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(await response.json()).toEqual({
          errors: [
            {
              message: "Not authenticated: this API is private; send a bearer token",
              extensions: { code: "UNAUTHENTICATED" },
            },
          ],
        });
      }
      const signedIn = await server.post({ query: "{ __typename }" }, await bearer(["VIEWER"]));
      expect(await signedIn.json()).toEqual({ data: { __typename: "Query" } });
    } finally {
      await server.close();
    }
  });
});
