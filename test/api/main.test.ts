import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../../src/project-root";

interface LogLine {
  msg: string;
  port?: number;
  pid?: number;
  inserted?: Record<string, number>;
  signal?: string;
}

interface RunningServer {
  child: ChildProcess;
  /** The start-up log up to the line that says where GraphQL listens. */
  started: LogLine[];
  url: string;
  /** Sends SIGTERM; the exit code and the log lines written since start-up. */
  stop(): Promise<{ code: number | null; log: LogLine[] }>;
}

/**
 * `npm start`'s entry point (src/main.ts) in a process of its own, as the server runs; ready when
 * `servers` processes have said where GraphQL listens.
 */
async function startServer(env: Record<string, string>, servers = 1): Promise<RunningServer> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", join(projectRoot(), "src", "main.ts")], {
    cwd: projectRoot(),
    env: { ...process.env, LOG_LEVEL: "info", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: LogLine[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const listening = new Promise<LogLine>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (text) => {
      if (!text.startsWith("{")) return; // not a log line
      const line = JSON.parse(text) as LogLine;
      log.push(line);
      if (line.msg.startsWith("GraphQL on ") && log.filter((l) => l.msg.startsWith("GraphQL on ")).length === servers)
        resolve(line);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening: ${stderr}`)));
  });
  const { port } = await listening;
  return {
    child,
    started: [...log],
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      const logged = log.length;
      child.kill("SIGTERM");
      return { code: await exited, log: log.slice(logged) };
    },
  };
}

async function graphql<T>(url: string, query: string): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: T }).data;
}

describe("npm start's entry point", () => {
  const file = join(mkdtempSync(join(tmpdir(), "traguardo-start-")), "traguardo.sqlite");
  let server: RunningServer | undefined;
  afterEach(async () => {
    if (server && server.child.exitCode === null) await server.stop();
    server = undefined;
  });

  it("migrates a new SQLite file, loads the Milan plan, serves GraphQL on a free port and stops on SIGTERM", async () => {
    server = await startServer({ SQLITE_PATH: file });
    const prepared = server.started.find((line) => line.msg.startsWith("database migrated, plan loaded"))!;
    expect(prepared.inserted).toMatchObject({ cycles: 3 });
    expect(prepared.inserted!.objectives).toBeGreaterThan(0);
    expect(server.started.map((line) => line.msg)).toContain("job scheduler started");

    const { objectives } = await graphql<{ objectives: { totalCount: number } }>(
      server.url,
      "{ objectives(level: SOLIDALE) { totalCount } }",
    );
    expect(objectives.totalCount).toBe(4);

    const { code, log } = await server.stop();
    expect(code).toBe(0);
    // The query's access log line, then the shutdown.
    expect(log).toEqual([
      expect.objectContaining({ msg: "request", path: "/graphql", status: 200 }),
      expect.objectContaining({ msg: "shutting down", signal: "SIGTERM" }),
    ]);
  });

  it("starts again on the same file adding nothing, the plan as it was left", async () => {
    server = await startServer({ SQLITE_PATH: file, JOB_SCHEDULER: "off" });
    const prepared = server.started.find((line) => line.msg.startsWith("database migrated, plan loaded"))!;
    expect(prepared.inserted).toMatchObject({ objectives: 0, jobKpis: 0, cycles: 0 });
    expect(Object.values(prepared.inserted!).every((count) => count === 0)).toBe(true);
    expect(server.started.map((line) => line.msg)).not.toContain("job scheduler started");
    const { objectives } = await graphql<{ objectives: { totalCount: number } }>(
      server.url,
      "{ objectives(level: SOLIDALE) { totalCount } }",
    );
    expect(objectives.totalCount).toBe(4);
    expect((await server.stop()).code).toBe(0);
  });

  it("with WEB_CONCURRENCY=2 serves from two processes on one port, schedules in one, and stops both on SIGTERM", async () => {
    server = await startServer({ SQLITE_PATH: file, WEB_CONCURRENCY: "2" }, 2);
    const listening = server.started.filter((line) => line.msg.startsWith("GraphQL on "));
    expect(new Set(listening.map((line) => line.port)).size).toBe(1);
    expect(new Set(listening.map((line) => line.pid)).size).toBe(2);
    expect(listening.map((line) => line.pid)).not.toContain(server.child.pid);
    expect(
      server.started.filter(
        (line) =>
          line.msg === "database migrated, plan loaded (Milan 2019-2021 unless another administration is there)",
      ),
    ).toHaveLength(1);
    const { objectives } = await graphql<{ objectives: { totalCount: number } }>(
      server.url,
      "{ objectives(level: SOLIDALE) { totalCount } }",
    );
    expect(objectives.totalCount).toBe(4);

    const { code, log } = await server.stop();
    expect(code).toBe(0);
    expect(log.filter((line) => line.msg === "shutting down")).toHaveLength(2);
    // Scheduled once: the second process started with JOB_SCHEDULER=off.
    expect([...server.started, ...log].filter((line) => line.msg === "job scheduler started")).toHaveLength(1);
  });
});
