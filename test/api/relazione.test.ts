import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { DataSource } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";
import { overrideEduTo076 } from "../support/nucleo-overrides";
import { canPrint } from "../support/printing";

const OBJECTIVE = "DIR-SCPS-2019-16";
const ACT = `{ kind: DG_DETERMINATION, number: "910", date: "2019-02-01", subject: "Schede della Direzione SCPS" }`;

/** A PDF back to its text, by poppler's pdftotext. */
async function pdfText(pdf: Buffer): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "relazione-")), "r.pdf");
  writeFileSync(file, pdf);
  return (await promisify(execFile)("pdftotext", ["-layout", file, "-"])).stdout;
}

describe.each(testDatabases)("the Relazione sulla Performance on $name", (db) => {
  jest.setTimeout(60_000);
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let board: Record<string, string>;
  const get = (path: string, headers: Record<string, string> = admin) => fetch(`${api.url}${path}`, { headers });
  const body = async (path: string, headers?: Record<string, string>) => {
    const response = await get(path, headers);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "ufficio.pianificazione");
    board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
    // Piano Quartieri at 56% against its 70% target: 56 / 70 = 0.8 → "80,0%".
    // SCPS's objective: K1 at 60 between the floor 40 and the target 80: (60 − 40) / (80 − 40) = 0.5 → "50,0%".
    const mutations = [
      `recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "56" }) { id }`,
      `defineKpi(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "K1", name: "Indicatori monitorati", unit: PERCENT, direction: HIGHER_IS_BETTER, weight: "1" }) { id }`,
      `setTarget(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, kpiCode: "K1", year: 2019, value: "80", bound: "40" }) { id }`,
    ];
    for (const mutation of mutations)
      expect((await api.graphql(`mutation { ${mutation} }`, {}, admin)).errors).toBeUndefined();
    const reported = await api.graphql(
      `mutation { reportMonitoring(input: { objectiveKey: "${OBJECTIVE}", unitCode: "SCPS", monitoringDate: "2019-12-31",
        values: [{ kpiCode: "K1", value: "60" }],
        gaps: [{ kpiCode: "K1", reason: "Ritardo nella fornitura del cruscotto", correctiveAction: "Nuova gara nel 2020" }] }) { id } }`,
      {},
      await bearer(["UNIT_MANAGER"], ["SCPS"], "referente.scps"),
    );
    expect(reported.errors).toBeUndefined();
    // EDU: 0.7 × 0.7 + 0.3 × 0.9 = 0.76 → "76,0%"; and a contested objective with the Nucleo's comment.
    await overrideEduTo076(dataSource);
    // Three staff of EDU assessed 80, 70 and 70: the art. 18 view without their names.
    const people = await api.graphql(
      "mutation($e: String, $a: String, $s: String) { importPeople(employees: $e, assignments: $a, assessments: $s) }",
      {
        e: "matricola;nome;categoria\nS001;Paolo Rossi;DIPENDENTE\nS002;Giulia Verdi;DIPENDENTE\nS003;Sara Gialli;DIPENDENTE\n",
        a: "matricola;unita;dal;al;quota\nS001;EDU;01/01/2019;;1\nS002;EDU;01/01/2019;;1\nS003;EDU;01/01/2019;;1\n",
        s: "matricola;anno;punteggio\nS001;2019;80\nS002;2019;70\nS003;2019;70\n",
      },
      admin,
    );
    expect(people.errors).toBeUndefined();
    const contested = await api.graphql(
      `mutation { recordReview(input: { year: 2019, objectiveKey: "${OBJECTIVE}", decision: CONTESTED, comment: "Fonte del valore da documentare" }) { id } }`,
      {},
      board,
    );
    expect(contested.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("writes the figures into the HTML: the gate, the objectives with gap and reason, the unit scores, the Nucleo's decisions", async () => {
    const html = (await body("/reports/relazione/2019.html")).toString("utf8");
    expect(html).toContain("DATI PROVVISORI");
    expect(html).toMatch(/SOL-PIANO-QUARTIERI[^]*?80,0%/);
    expect(html).toContain("Ritardo nella fornitura del cruscotto");
    expect(html).toContain("76,0%");
    expect(html).toContain("Fonte del valore da documentare");
    // EDU's staff: 3 assessed, 2 distinct scores, from 70 to 80, mean (80 + 70 + 70) / 3 = 73,33, 1 of 3 at the top.
    const cells = ["Dipendente", "EDU", "3", "2", "70", "73,33", "80", "33,3%", "80 × 1; 70 × 2"];
    expect(html.replace(/<span class="n">|<\/span>/g, "")).toContain(`<td>${cells.join("</td><td>")}</td>`);
    for (const name of ["Paolo Rossi", "Giulia Verdi", "Sara Gialli", "S001"]) expect(html).not.toContain(name);
  });

  it("lays the sections out in an XLSX, one sheet each, figures as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await body("/reports/relazione/2019.xlsx", board)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Copertina",
      "Obiettivi Solidali",
      "Direzioni",
      "Obiettivi di Direzione",
      "Salute dell'Ente",
      "Decisioni del Nucleo",
      "Distribuzione art. 18",
    ]);
    const rows = (name: string) =>
      workbook.getWorksheet(name)!.getSheetValues().filter(Boolean) as unknown as Array<Array<unknown>>;
    // Columns from 1: Obiettivo, Titolo, Indicatore, Nome, Target, Risultato, Punteggio, …
    const quartieri = rows("Obiettivi Solidali").find((r) => r[3] === "SOL-PIANO-QUARTIERI")!;
    expect([quartieri[6], quartieri[7]]).toEqual([56, 0.8]);
    const edu = rows("Direzioni").find((r) => r[1] === "EDU")!;
    expect(edu[5]).toBeCloseTo(0.7 * 0.7 + 0.3 * 0.9, 12);
    const scps = rows("Obiettivi di Direzione").find((r) => r[1] === "SCPS" && r[2] === OBJECTIVE)!;
    expect(scps[8]).toBe(0.5);
    expect(scps[12]).toContain("Ritardo nella fornitura del cruscotto");
    const decision = rows("Decisioni del Nucleo").find((r) => String(r[2]).startsWith(OBJECTIVE))!;
    expect([decision[3], decision[6], decision[8]]).toEqual(["Contestato", 0.5, "Fonte del valore da documentare"]);
  });

  (canPrint() ? it : it.skip)(
    "prints the same page to PDF, with its page numbers: pdftotext finds the figures",
    async () => {
      const response = await get("/reports/relazione/2019.pdf");
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const text = await pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain("Relazione sulla Performance 2019");
      expect(text).toContain("DATI PROVVISORI");
      // -layout keeps a table row on one line: the code, the value 56 and its score.
      expect(text).toMatch(/SOL-PIANO-QUARTIERI .* 56 +80,0%/);
      expect(text).toContain("76,0%");
      // SCPS's objective: score, gap, status and the reason's start on its row; its KPI's target, value and score below.
      expect(text).toMatch(/DIR-SCPS-2019-16 .* 50,0% +50,0% +Parzialmente +31\/12\/2019 \(K1\):\n.*Ritardo nella/);
      expect(text).toMatch(/K1 Indicatori monitorati +80 +60 +50,0%/);
      expect(text).toMatch(/Pagina 2 di \d+/);
    },
  );

  it("answers SERVICE_UNAVAILABLE, saying why and what still works, when Chromium cannot start to print the PDF", async () => {
    const broken = await startApi(dataSource, { CHROMIUM_PATH: "/nonexistent/chromium" });
    try {
      const response = await fetch(`${broken.url}/reports/relazione/2019.pdf`, { headers: admin });
      expect(response.status).toBe(503);
      const { errors } = (await response.json()) as {
        errors: Array<{ message: string; extensions: { code: string } }>;
      };
      expect(errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(errors[0].message).toMatch(
        /^Il PDF non può essere stampato: Chromium non si avvia in \/nonexistent\/chromium .*I formati HTML e XLSX restano disponibili\.$/,
      );
      expect((await fetch(`${broken.url}/reports/relazione/2019.html`, { headers: admin })).status).toBe(200);
    } finally {
      await broken.close();
    }
  });

  it("refuses a year outside the plan, an unknown format, a date that is not one, and every role but ADMIN and EVALUATION_BOARD", async () => {
    const refusal = async (path: string, headers?: Record<string, string>) => {
      const response = await get(path, headers);
      const { errors } = (await response.json()) as {
        errors: Array<{ message: string; extensions: { code: string } }>;
      };
      return { status: response.status, code: errors[0].extensions.code, message: errors[0].message };
    };
    expect(await refusal("/reports/relazione/2030.pdf")).toMatchObject({
      status: 400,
      code: "INVALID_INPUT",
      message: expect.stringMatching(/year: 2030 is outside the plan's years \(2019-2021\)/) as unknown,
    });
    expect(await refusal("/reports/relazione/2019.docx")).toMatchObject({
      status: 400,
      message: expect.stringMatching(/format: "docx" is not a format of the Relazione: use html, xlsx, pdf/) as unknown,
    });
    expect(await refusal("/reports/relazione/2019.html?asOf=2019-02-30")).toMatchObject({
      status: 400,
      message: expect.stringMatching(/asOf: "2019-02-30" is not a calendar date/) as unknown,
    });
    expect(await refusal("/reports/relazione/2019.html", {})).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    for (const role of ["VIEWER", "UNIT_MANAGER", "PAYROLL"])
      expect(await refusal("/reports/relazione/2019.html", await bearer([role], ["SCPS"]))).toMatchObject({
        status: 403,
        code: "FORBIDDEN",
      });
  });

  it("makes a validated year's report from the frozen figures, the same bytes on every run", async () => {
    await api.graphql("mutation { moveCycle(year: 2019, to: UNDER_REVIEW) { status } }", {}, admin);
    await api.graphql(
      'mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30", subject: "Validazione della Relazione sulla Performance 2019" }) { key } }',
      {},
      board,
    );
    const validated = await api.graphql(
      'mutation { moveCycle(year: 2019, to: VALIDATED, actKey: "NV-7-2020") { status } }',
      {},
      await bearer(["ADMIN", "EVALUATION_BOARD"], [], "nucleo.presidente"),
    );
    expect(validated.errors).toBeUndefined();
    const html = await body("/reports/relazione/2019.html");
    expect(html.toString("utf8")).toContain(
      "Dati definitivi: congelati alla validazione del Nucleo di Valutazione del",
    );
    expect(html.toString("utf8")).not.toContain("DATI PROVVISORI");
    expect(await body("/reports/relazione/2019.html")).toEqual(html);
    expect(await body("/reports/relazione/2019.xlsx")).toEqual(await body("/reports/relazione/2019.xlsx"));
    if (canPrint())
      expect(await pdfText(await body("/reports/relazione/2019.pdf"))).toEqual(
        await pdfText(await body("/reports/relazione/2019.pdf")),
      );
    // The frozen scores are the ones shown, even where the figures would now give another: a later
    // validation's snapshot (frozen rows are append-only) holding SCPS's 0.5 as 0.9.
    const [first] = await dataSource.manager.find(CycleSnapshot, { where: { year: 2019 } });
    const later = await dataSource.manager.insert(CycleSnapshot, {
      ...first,
      id: undefined,
      takenAt: new Date(first.takenAt.getTime() + 1000),
    });
    const scores = await dataSource.manager.findBy(FrozenScore, { snapshotId: first.id });
    await dataSource.manager.insert(
      FrozenScore,
      scores.map((s) => ({
        ...s,
        id: undefined,
        snapshotId: later.identifiers[0].id as number,
        score: s.objectiveKey === OBJECTIVE && s.unitCode === "SCPS" ? "0.9" : s.score,
      })),
    );
    expect((await body("/reports/relazione/2019.html")).toString("utf8")).toMatch(
      new RegExp(`${OBJECTIVE}</b>[^]*?90,0%`),
    );
  });
});
