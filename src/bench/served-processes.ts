import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../project-root";

/**
 * `npm start`'s build (dist/src/main.js) with WEB_CONCURRENCY=processes on a database, without
 * the scheduler; ready once every process has said where GraphQL listens.
 */
export async function startServedProcesses(
  databaseUrl: string,
  processes: number,
  env: Record<string, string> = {},
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(projectRoot(), "dist", "src", "main.js")], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      WEB_CONCURRENCY: String(processes),
      JOB_SCHEDULER: "off",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    let listening = 0;
    lines.on("line", (text) => {
      if (!text.startsWith("{")) return;
      const line = JSON.parse(text) as { msg: string; port?: number };
      if (line.msg.startsWith("GraphQL on ") && (listening += 1) === processes) resolve(line.port!);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  // The access log goes on: read and dropped, so that a full pipe never holds the server.
  lines.close();
  child.stdout.resume();
  return {
    endpoint: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
