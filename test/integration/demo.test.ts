import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printedToken, runDemo, startDemoServer } from "../support/demo-run";

/**
 * npm run demo's own steps on small GENERATED sources (a scratch folder, not var/demo): the
 * schede imported, the monitoring reports, the staff, the jobs and the validation of 2019 must end
 * with every directorate scored, the gate judged and the incentives paid.
 */
describe("the demo", () => {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-demo-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("scores every 2019 directorate and objective, judges the gate and pays the staff", async () => {
    const stdout = await runDemo(folder);
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
    await expectTheGuideToWork(stdout, folder);
  }, 240_000);
});

/**
 * The end of the demo's output points to the dashboard and gives a token per role, each followed by
 * what to look at; each token opens what its line promises on a server over the demo's database
 * with the demo's secret, as `npm run demo` then starts it.
 */
async function expectTheGuideToWork(stdout: string, folder: string): Promise<void> {
  expect(stdout).toMatch(/^Cruscotto: http:\/\/localhost:4000\/ \(entra incollando uno di questi token/m);
  expect(stdout).toMatch(/^ {6}Cruscotto dell'Ente \(#\/cruscotto\): /m);
  expect(stdout).toMatch(/^ {6}Revisione del Nucleo \(#\/nucleo\): /m);
  expect(stdout).toMatch(/^ {6}Processi \(#\/processi\): /m);
  expect(stdout).toContain("http://localhost:4000/reports/relazione/2019.pdf");
  expect(stdout).toMatch(/^Metriche \(Prometheus\): http:\/\/localhost:4000\/metrics$/m);
  const [viewer, manager, nucleo, admin, payroll] = [
    "VIEWER",
    "UNIT_MANAGER",
    "EVALUATION_BOARD",
    "ADMIN",
    "PAYROLL",
  ].map((role) => printedToken(stdout, role));
  expect(manager.units).toHaveLength(1);
  const unit = manager.units[0];
  // The referent's line promises the unit's scored objectives and its score: read them back below.
  const [, scoredObjectives, unitScore] = new RegExp(
    `#\\/direzione\\/${unit}\\): (\\d+) Obiettivi di Direzione con punteggio, il punteggio della direzione \\((\\d+,\\d)%\\)`,
  ).exec(stdout)!;
  expect(Number(scoredObjectives)).toBeGreaterThan(0);

  const { api, dataSource } = await startDemoServer(folder);
  try {
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const overview = await api.graphql<{ attainment: { units: Array<{ score: number | null }> } }>(
      "{ attainment(year: 2019) { units { score } } }",
      {},
      as(viewer.token),
    );
    expect(overview.errors).toBeUndefined();
    expect(overview.data!.attainment.units.every((u) => u.score !== null)).toBe(true);

    const scheda = await api.graphql<{
      orgUnit: { attainment: { score: number; direzione: { objectives: Array<{ score: number | null }> } } };
    }>(
      `{ orgUnit(code: "${unit}") { attainment(year: 2019) { score direzione { objectives { score } } } } }`,
      {},
      as(manager.token),
    );
    expect(scheda.errors).toBeUndefined();
    const { score, direzione } = scheda.data!.orgUnit.attainment;
    expect((score * 100).toFixed(1).replace(".", ",")).toBe(unitScore);
    expect(direzione.objectives.filter((o) => o.score !== null)).toHaveLength(Number(scoredObjectives));
    const due = await api.graphql(
      `{ monitoringDue(date: "2020-06-30", unitCode: "${unit}") { objective { key } } }`,
      {},
      as(manager.token),
    );
    expect(due.errors).toBeUndefined();

    const relazione = await fetch(`${api.url}/reports/relazione/2019.html`, { headers: as(nucleo.token) });
    expect(relazione.status).toBe(200);
    // 2019 was validated by the demo: the Relazione says its figures are final.
    await expect(relazione.text()).resolves.toContain("Dati definitivi: congelati alla validazione");
    const runs = await api.graphql<{ jobRuns: { nodes: unknown[] } }>(
      "{ jobRuns(first: 5) { nodes { id } } }",
      {},
      as(admin.token),
    );
    expect(runs.errors).toBeUndefined();
    expect(runs.data!.jobRuns.nodes.length).toBeGreaterThan(0);
    const eligibility = await api.graphql(
      "{ eligibility(year: 2019, first: 1) { nodes { payableShare } } }",
      {},
      as(payroll.token),
    );
    expect(eligibility.errors).toBeUndefined();

    const metrics = await fetch(`${api.url}/metrics`);
    expect(metrics.status).toBe(200);
    await expect(metrics.text()).resolves.toContain("traguardo_");
  } finally {
    await api.close();
    await dataSource.destroy();
  }
}
