import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "../../src/project-root";

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
 * npm run demo's own steps on small GENERATED sources (a scratch folder, not var/demo): the
 * schede imported, the monitoring reports, the staff, the jobs and the validation of 2019 must end
 * with every directorate scored, the gate judged and the incentives paid.
 */
describe("the demo", () => {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-demo-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("scores every 2019 directorate and objective, judges the gate and pays the staff", async () => {
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
    expect(stdout).toMatch(/Obiettivi Solidali: cancello (APERTO|CHIUSO)/);
    const [, scored, units] = /Direzioni con un punteggio: (\d+) di (\d+)/.exec(stdout)!;
    expect(Number(units)).toBeGreaterThan(20);
    expect(scored).toBe(units);
    const [, valued, objectives] = /Obiettivi di Direzione valutati: (\d+) di (\d+)/.exec(stdout)!;
    expect(Number(objectives)).toBeGreaterThan(200);
    expect(valued).toBe(objectives);
    const [, staff, paid, euros] =
      /Incentivi: (\d+) righe \(dipendente e categoria\), (\d+) con quota pagabile, (\S+)\s€ distribuiti/.exec(stdout)!;
    expect(Number(staff)).toBe(300);
    expect(Number(paid)).toBeGreaterThan(0);
    // The three funds of the demo's agreement, 480,000 + 150,000 + 90,000, paid to the cent.
    expect(euros).toBe("720.000,00");
    expect(stdout).toMatch(/Paghe \(PAYROLL\): eyJ/);
  }, 240_000);
});
