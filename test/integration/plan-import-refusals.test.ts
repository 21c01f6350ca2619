import { randomBytes } from "node:crypto";
import { DataSource } from "typeorm";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { ActReference } from "../../src/plan/act-basis";
import { ImportProblem, PlanImportRejected } from "../../src/plan-import/problems";
import { ImportFile, MAX_IMPORT_BYTES } from "../../src/plan-import/sheets/read-files";
import { KPIS, PHASES } from "../../src/plan-import/sheets/template";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";
import {
  exampleFile,
  exampleRows,
  importFiles,
  milanExample,
  SCHEDE_ACT,
  withMergedCells,
  xlsx,
} from "../support/workbooks";

const KPI = "DIR-EDU-2019-9-K1";

/** Each bad input of issue 12, on Milan's plan: every problem named by sheet, row and column, and no table changed. */
describe.each(testDatabases)("refusing a bad workbook on $name", (db) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
  });
  afterAll(async () => {
    await db.close(dataSource);
  });

  const refused: Array<[string, () => Promise<ImportFile[]>, ActReference, ImportProblem[]]> = [
    [
      "an unknown objective code",
      () =>
        exampleFile({ Indicatori: exampleRows(KPIS.name, { "codice obiettivo": "DIR-NONE-2019-1" }), Fasi: undefined }),
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
      () => exampleFile({ Indicatori: exampleRows(KPIS.name, { peso: 50 }, { peso: 50 }) }),
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
        exampleFile({
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
      () => exampleFile({ Indicatori: exampleRows(KPIS.name, { "soglia 2019": 40 }) }),
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
      () => exampleFile({ Fasi: exampleRows(PHASES.name, { "data prevista": "30/11/2024" }) }),
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
      () => exampleFile({ Indicatori: exampleRows(KPIS.name, { "target 2020": 40 }) }),
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
      () => exampleFile(),
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
      () => exampleFile({ Obiettivi: exampleRows("Obiettivi", { titolo: "Scuole aperte" }) }),
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
      () => exampleFile({ Fasi: [] }),
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
      const refusal = await importFiles(dataSource, await files(), act).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(PlanImportRejected);
      expect((refusal as PlanImportRejected).problems).toEqual(problems);
      expect(await tableCounts(dataSource)).toEqual(before);
    },
  );

  it("refuses schede for a closed year, saying which, and changes nothing", async () => {
    await dataSource.manager.update(EvaluationCycle, { year: 2019 }, { status: CycleStatus.CLOSED });
    try {
      const before = await tableCounts(dataSource);
      await expect(importFiles(dataSource, await exampleFile())).rejects.toMatchObject({
        problems: [
          {
            sheet: null,
            row: null,
            column: null,
            message: "la valutazione del 2019 è chiusa: per cambiarne le schede serve prima l'atto che la riapre",
          },
        ],
      });
      expect(await tableCounts(dataSource)).toEqual(before);
    } finally {
      await dataSource.manager.update(EvaluationCycle, { year: 2019 }, { status: CycleStatus.OPEN });
    }
  });

  it("refuses a second change of the same element by the same act, pointing to another act", async () => {
    const act = { ...SCHEDE_ACT, number: "2500", date: "2019-10-01", subject: "Schede corrette" };
    await importFiles(dataSource, await exampleFile(), act);
    await importFiles(
      dataSource,
      await exampleFile({ Fasi: exampleRows(PHASES.name, { fase: "Accordi firmati" }) }),
      act,
    );
    const before = await tableCounts(dataSource);
    await expect(
      importFiles(dataSource, await exampleFile({ Fasi: exampleRows(PHASES.name, { fase: "Accordi di rete" }) }), act),
    ).rejects.toMatchObject({
      problems: [
        expect.objectContaining({
          message:
            "l'atto DDG-2500-2019 ha già cambiato uno di questi elementi: un ulteriore cambiamento va dichiarato con un altro atto",
        }) as unknown,
      ],
    });
    expect(await tableCounts(dataSource)).toEqual(before);
  });
});
