import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Browser, Locator } from "playwright-core";
import { DataSource } from "typeorm";
import { RunningApi } from "../support/api";
import { printedToken, runDemo, startDemoServer } from "../support/demo-run";
import { ensureDashboardBuilt, launchChromium, screenshot, signIn, watchedPage, WatchedPage } from "./support/browser";
import { describeInBrowser } from "./support/describe-in-browser";

/**
 * The texts of the cells a locator finds: each must be a figure ("76,3%", "8,29 gg (2019)"), never
 * the dash of a missing one; and there must be some.
 */
async function figures(cells: Locator): Promise<string[]> {
  const texts = await cells.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).toMatch(/^-?[\d.]+(,\d+)?(%| gg| €)?( \([^)]+\))?$/);
  return texts;
}

/**
 * The five pages on the database `npm run demo` leaves (SQLite, the demo's own: GENERATED data for
 * 2019 and 2020, 2019 validated), each signed in with the token the demo printed for its role: each
 * shows figures, not empty tables or a dash where a figure belongs.
 */
describeInBrowser("the dashboard on the demo's data", () => {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-demo-pages-"));
  let stdout: string;
  let dataSource: DataSource;
  let api: RunningApi;
  let browser: Browser;
  const opened: WatchedPage[] = [];

  beforeAll(async () => {
    ensureDashboardBuilt();
    stdout = await runDemo(folder);
    ({ api, dataSource } = await startDemoServer(folder));
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await dataSource?.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  async function open(role: string, hash: string) {
    const watched = await watchedPage(browser, api.url);
    opened.push(watched);
    await signIn(watched, api.url, printedToken(stdout, role).token, hash);
    return watched.page;
  }
  afterEach(async () => {
    for (const watched of opened.splice(0)) {
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
      await watched.context.close();
    }
  });

  it("Cruscotto dell'Ente: the gate judged, every directorate scored and ranked, the ITP by quarter, the sources' runs", async () => {
    const page = await open("VIEWER", "#/cruscotto");
    const gate = page.getByRole("region", { name: "Obiettivi Solidali" });
    await gate.getByRole("table").waitFor();
    await expect(gate.getByText("Non ancora valutabile").count()).resolves.toBe(0);
    await figures(gate.locator("tbody td.number"));

    const ranking = page.getByRole("region", { name: "Punteggio delle Direzioni" });
    const label = await ranking.locator("[data-chart]").getAttribute("aria-label");
    const [, ranked] = /^Classifica di (\d+) direzioni/.exec(label!)!;
    await ranking.getByText("Tabella delle direzioni").click();
    const scores = await figures(ranking.locator("tbody td.number"));
    // Every directorate of 2019 is scored by the demo, so the chart ranks them all.
    expect(scores).toHaveLength(Number(ranked));
    expect(Number(ranked)).toBeGreaterThan(20);
    // Each Gestionale's mean over the directorates (its second column).
    await figures(
      page.getByRole("region", { name: "Obiettivi Gestionali nelle Direzioni" }).locator("tbody td:nth-child(2)"),
    );

    const itp = page.getByRole("figure").filter({ hasText: "Indicatore di tempestività dei pagamenti" });
    const trend = await itp.locator("[data-chart]").getAttribute("aria-label");
    // The jobs ran for the whole year: each quarter has its value.
    expect(trend).toMatch(
      /^Andamento per trimestre: I trim\. -?\d+(,\d+)? gg, II trim\. -?\d+(,\d+)? gg, III trim\. -?\d+(,\d+)? gg, IV trim\. -?\d+(,\d+)? gg$/,
    );
    const health = page.getByRole("region", { name: "Indicatori di Salute dell'Ente" });
    await figures(health.getByRole("row", { name: /Indicatore di tempestività dei pagamenti/ }).locator("td.number"));

    const freshness = page.getByRole("region", { name: "Aggiornamento dei dati" });
    await expect(freshness.locator("tbody tr").count()).resolves.toBe(4);
    await screenshot(page, "demo-cruscotto");
  });

  it("Scheda della Direzione: the referent's directorate with every objective scored", async () => {
    const page = await open("UNIT_MANAGER", "#/direzione");
    const unit = printedToken(stdout, "UNIT_MANAGER").units[0];
    await page.goto(`${api.url}/#/direzione/${unit}`);
    const [, promised] = new RegExp(`#\\/direzione\\/${unit}\\): (\\d+) Obiettivi di Direzione con punteggio`).exec(
      stdout,
    )!;
    const scores = page.locator("article[data-objective^='DIR-'] [data-score=in-force]");
    await scores.first().waitFor();
    await expect(figures(scores)).resolves.toHaveLength(Number(promised));
    await screenshot(page, "demo-direzione");
  });

  it("Revisione del Nucleo: 2019 validated, every Solidale and directorate with its computed and in-force score, and no decision form", async () => {
    const page = await open("EVALUATION_BOARD", "#/nucleo");
    await page.getByRole("region", { name: "Ciclo di valutazione 2019" }).getByText("Validato").first().waitFor();
    const rows = page.getByRole("region", { name: "Direzioni: media degli Obiettivi di Direzione" });
    await rows.getByRole("table").waitFor();
    const computed = await figures(rows.locator("[data-score=computed]"));
    const inForce = await figures(rows.locator("[data-score=in-force]"));
    expect(inForce).toHaveLength(computed.length);
    await figures(page.getByRole("region", { name: "Obiettivi Solidali" }).locator("[data-score]"));
    // A validated year's decisions are frozen with its figures: read, not offered again.
    await page.getByText("Anno validato: le decisioni sono congelate").waitFor();
    expect(await page.getByRole("button", { name: /^Decidi/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Registra la decisione sul cancello" }).count()).toBe(0);
    await screenshot(page, "demo-nucleo");
  });

  it("Monitoraggio: what the referent's directorate still owes at 30/06/2020, before the demo's reports of October", async () => {
    const page = await open("UNIT_MANAGER", "#/monitoraggio");
    await page.getByRole("combobox", { name: /^Anno/ }).selectOption("2020");
    await page.getByRole("combobox", { name: /^Data di monitoraggio/ }).selectOption("2020-06-30");
    const status = page.getByRole("status").filter({ hasText: "da riportare al 30/06/2020" });
    const [, due] = /^(\d+) obiettivi con qualcosa da riportare/.exec(await status.innerText())!;
    expect(Number(due)).toBeGreaterThan(0);
    await expect(page.getByRole("form", { name: /^Monitoraggio di / }).count()).resolves.toBe(Number(due));
    await screenshot(page, "demo-monitoraggio");
  });

  it("Processi: the jobs' runs of both years with the rows they read", async () => {
    const page = await open("ADMIN", "#/processi");
    const runs = page.getByRole("region", { name: "Esecuzioni" });
    const [, count] = /^(\d+) esecuzioni\.$/.exec(await runs.getByText(/^\d+ esecuzioni\.$/).innerText())!;
    // Four jobs, run once for 2019 and once for 2020.
    expect(Number(count)).toBe(8);
    await expect(runs.locator("tbody tr").count()).resolves.toBe(8);
    await screenshot(page, "demo-processi");
  });
});
