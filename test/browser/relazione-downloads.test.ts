import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { Browser, Download, Page } from "playwright-core";
import { DataSource } from "typeorm";
import { bearer, RunningApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";
import { ensureDashboardBuilt, launchChromium, signIn, watchedPage, WatchedPage } from "./support/browser";
import { describeInBrowser } from "./support/describe-in-browser";
import { startDashboardServer, SUBJECTS } from "./support/dashboard-data";

const token = async (roles: string[], subject: string) =>
  (await bearer(roles, [], subject)).authorization.slice("Bearer ".length);

/** Clicks a download button and reads the file the page saved. */
async function downloaded(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
}

/**
 * The Relazione sulla Performance from Revisione del Nucleo: fetched from the report route with the
 * session's bearer token and saved as a file, for the year and the "Situazione al" of the header.
 */
describeInBrowser.each(testDatabases)("the Relazione's downloads on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let browser: Browser;
  const opened: WatchedPage[] = [];

  beforeAll(async () => {
    ensureDashboardBuilt();
    browser = await launchChromium();
    dataSource = await openWithPlan(db);
    api = await startDashboardServer(dataSource);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db.close(dataSource);
  });

  async function open(roles: string[], subject: string) {
    const watched = await watchedPage(browser, api.url);
    opened.push(watched);
    await signIn(watched, api.url, await token(roles, subject), "#/nucleo");
    await watched.page.getByRole("region", { name: "Relazione sulla Performance" }).waitFor();
    return watched;
  }
  afterEach(async () => {
    for (const watched of opened.splice(0)) {
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
      await watched.context.close();
    }
  });

  it("the Nucleo saves the HTML as known on 15/01/2020 and the PDF as known today, with EDU's 76% in it", async () => {
    const { page } = await open(["EVALUATION_BOARD"], SUBJECTS.nucleo);
    await page.getByLabel("Situazione al").fill("15/01/2020");
    await page.getByLabel("Situazione al").press("Enter");
    const section = page.getByRole("region", { name: "Relazione sulla Performance" });
    await section.getByText("Anno 2019, situazione al 15/01/2020.").waitFor();
    const html = await downloaded(page, "Scarica HTML (da stampare)");
    expect(html.name).toBe("relazione-performance-2019.html");
    // The date chosen in the header reached the route as ?asOf=2020-01-15: the cover says so.
    expect(html.body.toString("utf8")).toContain("DATI PROVVISORI: situazione al 15/01/2020");
    await expect(section.getByRole("status").innerText()).resolves.toBe(
      "Relazione 2019 scaricata: relazione-performance-2019.html.",
    );

    await page.getByLabel("Situazione al").fill("");
    await page.getByLabel("Situazione al").press("Enter");
    await section.getByText("Anno 2019, situazione come nota oggi.").waitFor();
    const pdf = await downloaded(page, "Scarica PDF");
    expect(pdf.name).toBe("relazione-performance-2019.pdf");
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf.body }).toString("utf8");
    // EDU's line of the directorates' table: Direzione 70%, Gestionale 90%, unit 0,7 × 70% + 0,3 × 90% = 76%.
    expect(text).toMatch(/EDU Direzione Educazione\s+70,0%\s+90,0%\s+76,0%/);
  });

  it("an administrator reads the page without deciding and saves the XLSX, one sheet per section", async () => {
    const { page } = await open(["ADMIN"], SUBJECTS.admin);
    await page.getByText("Le decisioni sono del Nucleo: qui le vedi senza poterle registrare.").waitFor();
    await page.getByRole("region", { name: "Cancello degli Obiettivi Solidali" }).waitFor();
    await expect(page.getByRole("button", { name: /^Decidi/ }).count()).resolves.toBe(0);
    await expect(page.getByRole("form", { name: "Decisione sul cancello" }).count()).resolves.toBe(0);

    const xlsx = await downloaded(page, "Scarica XLSX (per le analisi)");
    expect(xlsx.name).toBe("relazione-performance-2019.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["Obiettivi Solidali", "Direzioni", "Obiettivi di Direzione", "Salute dell'Ente"]),
    );
    const edu = workbook
      .getWorksheet("Direzioni")!
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === "EDU") as unknown[];
    // Its unit score as a number: 0,7 × 0,7 + 0,3 × 0,9 = 0,76.
    expect(edu[5]).toBeCloseTo(0.76, 10);
  });

  it("the route's refusal is shown in Italian with its reason, and nothing is saved", async () => {
    const watched = await open(["EVALUATION_BOARD"], SUBJECTS.nucleo);
    const { page } = watched;
    // The header offers only the plan's years: the request is sent on for 2030, which the server refuses.
    await page.route("**/reports/relazione/2019.html", (route) =>
      route.continue({ url: route.request().url().replace("/2019.html", "/2030.html") }),
    );
    let saved = false;
    page.on("download", () => (saved = true));
    await page.getByRole("button", { name: "Scarica HTML (da stampare)" }).click();
    const section = page.getByRole("region", { name: "Relazione sulla Performance" });
    await expect(section.getByRole("alert").innerText()).resolves.toBe(
      "Dato non valido: year: 2030 is outside the plan's years (2019-2021)",
    );
    expect(saved).toBe(false);
    // The browser logs the refused request itself; that one line, and nothing else, is expected.
    expect(watched.consoleErrors.splice(0)).toEqual([
      "Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
  });
});
