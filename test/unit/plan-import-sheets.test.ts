import ExcelJS from "exceljs";
import { randomBytes } from "node:crypto";
import { parsePlanWorkbook } from "../../src/plan-import/sheets/parse-workbook";
import { readCsvFiles, readCsvSheet } from "../../src/plan-import/sheets/read-csv";
import { MAX_IMPORT_BYTES, readPlanFiles } from "../../src/plan-import/sheets/read-files";
import { readXlsx } from "../../src/plan-import/sheets/read-xlsx";
import { exampleRows, milanExample, withMergedCells, xlsx } from "../support/workbooks";

/** Asymmetric matchers, typed as what they stand for. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
const containing = (shape: object): unknown => expect.objectContaining(shape);
const arrayContaining = (items: unknown[]): unknown => expect.arrayContaining(items);

const parse = async (file: Buffer, name = "schede.xlsx") =>
  parsePlanWorkbook(await readPlanFiles([{ name, content: file }]));

describe("reading the workbook", () => {
  it("reads the template's example whole: a KPI with its 2019 target, a phase, weights as fractions", async () => {
    const { workbook, problems } = await parse(await xlsx(milanExample()));
    expect(problems).toEqual([]);
    expect(workbook.kpis).toEqual([
      {
        row: 2,
        value: containing({
          kpi: containing({ code: "DIR-EDU-2019-9-K1", weight: "1", unit: "COUNT", source: "MANUAL" }),
          targets: [
            containing({
              definition: containing({ year: 2019, value: "30", bound: "10", strict: false }),
            }),
          ],
        }),
      },
    ]);
    expect(workbook.phases).toEqual([{ row: 2, value: containing({ plannedDate: "2019-11-30", weight: "1" }) }]);
  });

  it("names a merged cell by sheet, row and column", async () => {
    const merged = await withMergedCells(await xlsx(milanExample()), "Indicatori", "F2:G2");
    const { problems } = await readXlsx(merged);
    expect(problems).toEqual([
      { sheet: "Indicatori", row: 2, column: "peso", message: matching(/^celle unite a partire da F2/) },
    ]);
  });

  it("reads a formula by the result Excel saved, and a percentage cell as the per cent it shows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Fasi");
    sheet.addRow(["codice obiettivo", "codice fase", "fase", "data prevista", "peso"]);
    sheet.addRow(["DIR-EDU-2019-9", "F1", "Prima fase", "30/06/2019", { formula: "100-60", result: 40 }]);
    sheet.addRow(["DIR-EDU-2019-9", "F2", "Seconda fase", "30/09/2019", 0.6]);
    sheet.getCell("E3").numFmt = "0%";
    sheet.addRow(["DIR-EDU-2019-9", "F3", "Terza fase", "31/10/2019", { formula: "1/0" }]);
    const { workbook: read, problems } = await parse(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.phases.map((p) => p.value.weight)).toEqual(["0.4", "0.6"]);
    expect(problems).toEqual([
      {
        sheet: "Fasi",
        row: 4,
        column: "peso",
        message: "la formula non ha un risultato salvato: aprite il file in Excel e salvatelo di nuovo",
      },
    ]);
  });

  it("refuses an empty sheet, a sheet it does not know, and a column it does not know", async () => {
    const { problems } = await parse(await xlsx(milanExample({ Fasi: [] })));
    expect(problems).toEqual([
      { sheet: "Fasi", row: 1, column: null, message: "il foglio è vuoto: compilatelo o toglietelo dal file" },
    ]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Foglio1").addRow(["a"]);
    workbook.addWorksheet("Indicatori").addRows([
      ["codice obiettivo", "sogla 2019"],
      ["X", 1],
    ]);
    const other = await parse(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(other.problems).toEqual(
      arrayContaining([
        containing({ sheet: "Foglio1", message: matching(/^foglio sconosciuto/) }),
        containing({
          sheet: "Indicatori",
          row: 1,
          column: "sogla 2019",
          message: matching(/^colonna sconosciuta/),
        }),
        containing({
          sheet: "Indicatori",
          row: 1,
          column: "peso",
          message: matching(/^manca la colonna/),
        }),
      ]),
    );
  });

  it("refuses a file that is not a spreadsheet, and one over 10 MB without reading it", async () => {
    const text = await readPlanFiles([{ name: "schede.xlsx", content: Buffer.from("codice;peso\nA;1\n") }]);
    expect(text.problems[0].message).toMatch(/^il file non è una cartella di lavoro Excel/);
    const zipLike = await readPlanFiles([
      { name: "schede.xlsx", content: Buffer.concat([Buffer.from("PK\u0003\u0004"), randomBytes(2000)]) },
    ]);
    expect(zipLike.problems[0].message).toMatch(/^il file non è una cartella di lavoro Excel/);
    const large = await readPlanFiles([{ name: "schede.xlsx", content: randomBytes(MAX_IMPORT_BYTES + 1) }]);
    expect(large.problems).toEqual([
      containing({
        message: matching(/^il file pesa 10,0 MB, oltre il limite di 10,0 MB: non è stato letto/),
      }),
    ]);
  });
});

describe("the Italian CSV dialect", () => {
  it("reads ; with a BOM, quoted fields across lines, and the line each row starts on", () => {
    const csv = readCsvSheet('\ufeffcodice;fase\r\n\r\nF1;"Bozza; prima\nstesura"\r\nF2;Parere\r\n');
    expect(csv).toEqual({
      header: ["codice", "fase"],
      headerLine: 1,
      rows: [
        { line: 3, values: ["F1", "Bozza; prima\nstesura"] },
        { line: 5, values: ["F2", "Parere"] },
      ],
    });
  });

  it("takes the sheet from the file's name, and refuses a file not in UTF-8 or split by commas", () => {
    const read = readCsvFiles([
      { name: "dati/fasi.csv", content: Buffer.from("codice fase;peso\nF1;40\n") },
      { name: "unita.csv", content: Buffer.from("codice unit\xe0;nome\n", "latin1") },
      { name: "indicatori.csv", content: Buffer.from("codice obiettivo,peso\nX,1\n") },
    ]);
    expect(read.sheets.map((s) => s.name)).toEqual(["fasi"]);
    expect(read.problems.map((p) => [p.sheet, p.message])).toEqual([
      ["unita", matching(/non è in UTF-8/)],
      ["indicatori", matching(/separa i campi con la virgola/)],
    ]);
  });

  it("reads a whole Fasi sheet in CSV with decimal commas and Italian dates", async () => {
    const { workbook, problems } = parsePlanWorkbook(
      await readPlanFiles([
        {
          name: "fasi.csv",
          content: Buffer.from(
            "\ufeffcodice obiettivo;codice fase;fase;data prevista;peso\nDIR-EDU-2019-9;F1;Prima;31/03/2019;33,5\nDIR-EDU-2019-9;F2;Seconda;30/06/2019;66,5\n",
          ),
        },
      ]),
    );
    expect(problems).toEqual([]);
    expect(workbook.phases.map((p) => [p.row, p.value.plannedDate, p.value.weight])).toEqual([
      [2, "2019-03-31", "0.335"],
      [3, "2019-06-30", "0.665"],
    ]);
  });
});

describe("checks the workbook makes on its own", () => {
  it("names a KPI code used twice, phase weights that add up to 90, and what a row gets wrong", async () => {
    const { problems } = await parse(
      await xlsx(
        milanExample({
          Indicatori: exampleRows(
            "Indicatori",
            {},
            { "unità di misura": "FASI" },
            {
              "codice indicatore": "DIR-EDU-2019-9-K2",
              verso: "DECRESCENTE",
              "target 2019": "> 5",
              "soglia 2019": null,
            },
            { "codice indicatore": "DIR-EDU-2019-9-K3", verso: "DECRESCENTE", "target 2019": 5, "soglia 2019": null },
          ),
          Fasi: exampleRows("Fasi", { peso: 40 }, { "codice fase": "DIR-EDU-2019-9-F2", peso: 50 }),
        }),
      ),
    );
    expect(problems).toEqual([
      {
        sheet: "Indicatori",
        row: 3,
        column: "verso",
        message: "un indicatore a FASI ha FASI sia come unità di misura sia come verso",
      },
      {
        sheet: "Indicatori",
        row: 4,
        column: "target 2019",
        message: matching(/^"> " vale per un indicatore CRESCENTE/),
      },
      {
        sheet: "Indicatori",
        row: 5,
        column: "soglia 2019",
        message: matching(/^un indicatore DECRESCENTE vuole il tetto/),
      },
      {
        sheet: "Fasi",
        row: 3,
        column: "peso",
        message: "i pesi delle fasi dell'obiettivo DIR-EDU-2019-9 sommano a 90, non a 100",
      },
    ]);
    const twice = await parse(await xlsx(milanExample({ Indicatori: exampleRows("Indicatori", {}, { peso: 0 }) })));
    expect(twice.problems).toEqual([
      {
        sheet: "Indicatori",
        row: 3,
        column: "codice indicatore",
        message: "il codice DIR-EDU-2019-9-K1 è già alla riga 2: ogni riga ha il suo codice",
      },
    ]);
  });

  it("names units whose superiors lead back to themselves", async () => {
    const unit = (code: string, parent: string) => ({
      "codice unità": code,
      nome: `Unità ${code}`,
      tipo: "AREA",
      "unità superiore": parent,
    });
    const { problems } = await parse(
      await xlsx(milanExample({ Unità: [unit("A", "B"), unit("B", "A"), unit("C", "A")] })),
    );
    expect(problems).toEqual([
      {
        sheet: "Unità",
        row: 2,
        column: "unità superiore",
        message: "i codici si richiamano in cerchio (A → B → A): spezzate il cerchio",
      },
      {
        sheet: "Unità",
        row: 3,
        column: "unità superiore",
        message: "i codici si richiamano in cerchio (B → A → B): spezzate il cerchio",
      },
    ]);
  });
});
