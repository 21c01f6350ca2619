import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { DataSource } from "typeorm";
import { loadConfig } from "../../src/config";
import { prepareDatabase } from "../../src/prepare-database";
import { projectRoot } from "../../src/project-root";
import { RunningApi, startApi } from "./api";

const run = promisify(execFile);
const tsNode = (script: string, args: string[], env: Record<string, string> = {}, envFile?: string) =>
  run(
    process.execPath,
    [
      ...(envFile ? [`--env-file=${envFile}`] : []),
      "-r",
      "@swc-node/register",
      join(projectRoot(), "src", "cli", script),
      ...args,
    ],
    { cwd: projectRoot(), env: { ...process.env, ...env }, maxBuffer: 16 * 2 ** 20 },
  );

/**
 * npm run demo's own steps on small GENERATED sources in a scratch folder (not var/demo): the
 * sources simulated, then the demo's replay of 2019 and 2020 into `folder/demo`. Answers what it printed.
 */
export async function runDemo(folder: string): Promise<string> {
  const env = join(folder, "sources.env");
  await tsNode("simulate.ts", [
    "--invoices",
    "3000",
    "--contacts",
    "5000",
    "--interventions",
    "40",
    "--sqlite",
    join(folder, "sources.sqlite"),
    "--env",
    env,
  ]);
  const { stdout } = await tsNode("demo.ts", [], { DEMO_DIR: join(folder, "demo") }, env);
  return stdout;
}

/** The token printed for a role ("  Paghe (PAYROLL): eyJ…"), with the units its line names. */
export function printedToken(stdout: string, role: string): { token: string; units: string[] } {
  const match = new RegExp(`^  .+ \\(${role}((?:, [A-Z0-9-]+)*)\\): (eyJ\\S+)$`, "m").exec(stdout);
  if (!match) throw new Error(`no token printed for ${role}`);
  return { token: match[2], units: match[1].split(", ").filter(Boolean) };
}

/** The server `npm run demo` starts after its replay: over the demo's database, with its secret. */
export async function startDemoServer(folder: string): Promise<{ api: RunningApi; dataSource: DataSource }> {
  const env = Object.fromEntries(
    readFileSync(join(folder, "demo", "demo.env"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split("=") as [string, string]),
  );
  const { dataSource } = await prepareDatabase(loadConfig(env));
  try {
    return { api: await startApi(dataSource, env), dataSource };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
