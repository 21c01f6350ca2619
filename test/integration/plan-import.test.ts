import { randomBytes } from "node:crypto";
import { DataSource } from "typeorm";
import { ActKind, PlanChangeReason, Role } from "../../entities/enums";
import { Phase } from "../../entities/phase.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { ActReference } from "../../src/plan/act-basis";
import { importPlan } from "../../src/plan-import/import-plan";
import { ImportProblem, PlanImportRejected } from "../../src/plan-import/problems";
import { MAX_IMPORT_BYTES } from "../../src/plan-import/sheets/read-files";
import { italianDate } from "../../src/plan-import/sheets/cells";
import { CellValue } from "../../src/plan-import/sheets/sheet";
import { headersOf } from "../../src/plan-import/sheets/write-workbook";
import { KPIS, PHASES } from "../../src/plan-import/sheets/template";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";
import { exampleRows, milanExample, withMergedCells, xlsx } from "../support/workbooks";

const admin = { subject: "ufficio.pianificazione", roles: [Role.ADMIN], units: [] };
/** DD 2264/2019, the DG's act on the schede, is in Milan's plan. */
const SCHEDE_ACT: ActReference = { kind: ActKind.DG_DETERMINATION, number: "2264", date: "2019-07-26", subject: null };
const later = (number: string, date: string): ActReference => ({
  kind: ActKind.DG_DETERMINATION,
  number,
  date,
  subject: `Aggiornamento delle schede ${number}`,
});
const KPI = "DIR-EDU-2019-9-K1";

/** A cell as Excel writes it in Italian: decimal commas, dd/mm/yyyy, quotes around a text holding ; or ". */
function csvField(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return italianDate(value.toISOString().slice(0, 10));
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = String(value);
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csv = (headers: string[], rows: Array<Record<string, CellValue>>) =>
  Buffer.from(
    "\ufeff" +
      [headers.join(";"), ...rows.map((r) => headers.map((h) => csvField(r[h] ?? null)).join(";"))].join("\r\n"),
  );

describe.each(testDatabases)("importing the schede on $name", (db) => {
  let dataSource: DataSource;
  const run = (files: Array<{ name: string; content: Buffer }>, act = SCHEDE_ACT, dryRun = false) =>
    importPlan(dataSource, admin, files, {
      basis: { act, reason: PlanChangeReason.CHANGED_PRIORITIES, effectiveDate: null, annexPage: null, note: null },
      dryRun,
      jobKeys: ["payment-timeliness"],
    });
  const workbook = async (sheets: Parameters<typeof milanExample>[0] = {}) => [
    { name: "schede.xlsx", content: await xlsx(milanExample(sheets)) },
  ];
  const changesBy = (actKey: string) =>
    dataSource.manager
      .createQueryBuilder(PlanChange, "c")
      .innerJoin("c.act", "a")
      .where("a.key = :actKey", { actKey })
      .orderBy("c.id")
      .getMany();

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
  });
  afterAll(async () => {
    await db.close(dataSource);
  });

  // First, while the plan has no scheda of the example's objective yet.
  const refused: Array<
    [string, () => Promise<Array<{ name: string; content: Buffer }>>, ActReference, ImportProblem[]]
  > = [
    [
      "an unknown objective code",
      () =>
        workbook({ Indicatori: exampleRows(KPIS.name, { "codice obiettivo": "DIR-NONE-2019-1" }), Fasi: undefined }),
      SCHEDE_ACT,
      [
        {
          sheet: "Indicatori",
          row: 2,
          column: "codice obiettivo",
          message: "l'obiettivo DIR-NONE-2019-1 non esiste nel piano",
        },
      ],
    ],
    [
      "a KPI code used twice",
      () => workbook({ Indicatori: exampleRows(KPIS.name, { peso: 50 }, { peso: 50 }) }),
      SCHEDE_ACT,
      [
        {
          sheet: "Indicatori",
          row: 3,
          column: "codice indicatore",
          message: `il codice ${KPI} è già alla riga 2: ogni riga ha il suo codice`,
        },
      ],
    ],
    [
      "KPI weights of an objective that add up to 90",
      () =>
        workbook({
          Indicatori: exampleRows(KPIS.name, { peso: 40 }, { "codice indicatore": "DIR-EDU-2019-9-K2", peso: 50 }),
        }),
      SCHEDE_ACT,
      [
        {
          sheet: "Indicatori",
          row: 3,
          column: "peso",
          message: "i pesi degli indicatori dell'obiettivo DIR-EDU-2019-9 sommano a 90, non a 100",
        },
      ],
    ],
    [
      "a floor above the target of a KPI that grows towards it",
      () => workbook({ Indicatori: exampleRows(KPIS.name, { "soglia 2019": 40 }) }),
      SCHEDE_ACT,
      [
        {
          sheet: "Indicatori",
          row: 2,
          column: "soglia 2019",
          message: "la soglia 40 deve essere sotto il target 30: l'indicatore cresce verso il target",
        },
      ],
    ],
    [
      "a phase dated outside the plan's years",
      () => workbook({ Fasi: exampleRows(PHASES.name, { "data prevista": "30/11/2024" }) }),
      SCHEDE_ACT,
      [
        {
          sheet: "Fasi",
          row: 2,
          column: "data prevista",
          message: "la data prevista 2024-11-30 è fuori dagli anni del piano 2019-2021",
        },
      ],
    ],
    [
      "a target for a year the objective does not apply to",
      () => workbook({ Indicatori: exampleRows(KPIS.name, { "target 2020": 40 }) }),
      SCHEDE_ACT,
      [
        {
          sheet: "Indicatori",
          row: 2,
          column: "target 2020",
          message: "l'obiettivo DIR-EDU-2019-9 non vale per il 2020",
        },
      ],
    ],
    [
      "an act that is not recorded, given with no subject",
      () => workbook(),
      { ...SCHEDE_ACT, number: "9999" },
      [
        {
          sheet: null,
          row: null,
          column: null,
          message:
            "l'atto DDG-9999-2019 non è registrato: indicatene l'oggetto (subject) perché l'importazione lo registri",
        },
      ],
    ],
    [
      "an objective of the plan stated with another title",
      () => workbook({ Obiettivi: exampleRows("Obiettivi", { titolo: "Scuole aperte" }) }),
      SCHEDE_ACT,
      [
        {
          sheet: "Obiettivi",
          row: 2,
          column: "titolo",
          message: expect.stringMatching(
            /^nel piano il titolo è «Sviluppo di azioni .*»: per cambiarlo serve un atto a parte/,
          ) as string,
        },
      ],
    ],
    [
      "a merged cell",
      async () => [
        { name: "schede.xlsx", content: await withMergedCells(await xlsx(milanExample()), "Indicatori", "F2:G2") },
      ],
      SCHEDE_ACT,
      [
        {
          sheet: "Indicatori",
          row: 2,
          column: "peso",
          message: "celle unite a partire da F2: separate le celle e scrivete ogni valore nella sua",
        },
      ],
    ],
    [
      "an empty sheet",
      () => workbook({ Fasi: [] }),
      SCHEDE_ACT,
      [{ sheet: "Fasi", row: 1, column: null, message: "il foglio è vuoto: compilatelo o toglietelo dal file" }],
    ],
    [
      "a .xlsx that is not a spreadsheet",
      () => Promise.resolve([{ name: "schede.xlsx", content: Buffer.from("%PDF-1.4 schede del piano") }]),
      SCHEDE_ACT,
      [
        {
          sheet: null,
          row: null,
          column: null,
          message: expect.stringMatching(/^il file non è una cartella di lavoro Excel \(\.xlsx\)/) as string,
        },
      ],
    ],
    [
      "10 MB of nonsense",
      () => Promise.resolve([{ name: "schede.xlsx", content: randomBytes(MAX_IMPORT_BYTES + 1) }]),
      SCHEDE_ACT,
      [
        {
          sheet: null,
          row: null,
          column: null,
          message:
            "il file pesa 10,0 MB, oltre il limite di 10,0 MB: non è stato letto. Dividete le schede in più file",
        },
      ],
    ],
  ];

  it.each(refused)(
    "refuses %s, naming sheet, row and column, and changes nothing",
    async (_name, files, act, problems) => {
      const before = await tableCounts(dataSource);
      const refusal = await run(await files(), act).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(PlanImportRejected);
      expect((refusal as PlanImportRejected).problems).toEqual(problems);
      expect(await tableCounts(dataSource)).toEqual(before);
    },
  );

  it("answers a dry run with what it would do, writing nothing", async () => {
    const before = await tableCounts(dataSource);
    const summary = await run(await workbook(), SCHEDE_ACT, true);
    expect(summary).toMatchObject({ dryRun: true, actKey: "DDG-2264-2019", changes: 3 });
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("imports the template's example by the act given, each element a change of its objective; again, nothing", async () => {
    const summary = await run(await workbook());
    expect(summary.elements.filter((e) => e.created + e.changed + e.removed)).toEqual([
      { sheet: "Indicatori", element: "indicatori", created: 1, changed: 0, removed: 0 },
      { sheet: "Indicatori", element: "target", created: 1, changed: 0, removed: 0 },
      { sheet: "Fasi", element: "fasi", created: 1, changed: 0, removed: 0 },
    ]);
    expect((await changesBy("DDG-2264-2019")).map((c) => [c.kind, c.element, c.elementKey])).toEqual([
      ["CREATED", "KPI", KPI],
      ["CREATED", "TARGET", `${KPI}/2019`],
      ["CREATED", "PHASE", "DIR-EDU-2019-9-F1"],
    ]);
    const before = await tableCounts(dataSource);
    expect(await run(await workbook())).toMatchObject({ changes: 0, actRecorded: false });
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("records a corrected sheet's differences only, as changes by the new act", async () => {
    const summary = await run(
      await workbook({
        Indicatori: exampleRows(KPIS.name, { "target 2019": 35 }),
        Fasi: exampleRows(
          PHASES.name,
          { peso: 60 },
          { "codice fase": "DIR-EDU-2019-9-F2", fase: "Rete avviata", peso: 40 },
        ),
      }),
      later("2400", "2019-09-02"),
    );
    expect(summary).toMatchObject({ actRecorded: true, changes: 3 });
    expect((await changesBy("DDG-2400-2019")).map((c) => [c.kind, c.elementKey, c.fields])).toEqual([
      ["UPDATED", `${KPI}/2019`, [{ field: "value", before: "30", after: "35" }]],
      ["UPDATED", "DIR-EDU-2019-9-F1", [{ field: "weight", before: "1", after: "0.6" }]],
      ["CREATED", "DIR-EDU-2019-9-F2", expect.arrayContaining([{ field: "weight", before: null, after: "0.4" }])],
    ]);
  });

  it("takes out the phases in force that the sheet's cronoprogramma leaves out", async () => {
    await run(
      await workbook({
        Indicatori: undefined,
        Fasi: exampleRows(PHASES.name, { "codice fase": "DIR-EDU-2019-9-F2", fase: "Rete avviata", peso: 100 }),
      }),
      later("2401", "2019-09-03"),
    );
    expect((await changesBy("DDG-2401-2019")).map((c) => [c.kind, c.elementKey])).toEqual([
      ["UPDATED", "DIR-EDU-2019-9-F2"],
      ["REMOVED", "DIR-EDU-2019-9-F1"],
    ]);
    const phases = await dataSource.manager.find(Phase, { order: { code: "ASC" } });
    // The phase added by the corrected sheet came after the first one.
    expect(phases.map((p) => [p.code, p.status, p.position])).toEqual([
      ["DIR-EDU-2019-9-F1", "REMOVED", 1],
      ["DIR-EDU-2019-9-F2", "ACTIVE", 2],
    ]);
  });

  it("reads the same sheets from CSV files", async () => {
    const years = [2019, 2020, 2021];
    const summary = await run(
      [
        {
          name: "indicatori.csv",
          content: csv(headersOf(KPIS, years), exampleRows(KPIS.name, { "target 2019": "37.5" })),
        },
        {
          name: "fasi.csv",
          content: csv(
            headersOf(PHASES, years),
            exampleRows(PHASES.name, { "codice fase": "DIR-EDU-2019-9-F2", peso: 100 }),
          ),
        },
      ],
      later("2402", "2019-09-04"),
    );
    expect((await changesBy("DDG-2402-2019")).map((c) => [c.elementKey, c.fields])).toEqual([
      [`${KPI}/2019`, [{ field: "value", before: "35", after: "37.5" }]],
      [
        "DIR-EDU-2019-9-F2",
        [{ field: "name", before: "Rete avviata", after: "Accordi di rete firmati con i Municipi" }],
      ],
    ]);
    expect(summary.changes).toBe(2);
  });
});
