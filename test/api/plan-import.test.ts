import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";
import { exampleRows, milanExample, xlsx } from "../support/workbooks";

/** An asymmetric matcher, typed as what it stands for. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

const IMPORT = `mutation ($input: ImportSchedeInput!) {
  importSchede(input: $input) { dryRun actKey actRecorded changes summary elements { sheet element created changed removed } }
}`;

describe.each(testDatabases)("importSchede over GraphQL on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  const input = async (rows: Parameters<typeof milanExample>[0], extra: Record<string, unknown> = {}) => ({
    input: {
      fileName: "schede.xlsx",
      contentBase64: (await xlsx(milanExample(rows))).toString("base64"),
      act: { kind: "DG_DETERMINATION", number: "2264", date: "2019-07-26" },
      reason: "CHANGED_PRIORITIES",
      ...extra,
    },
  });

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "ufficio.pianificazione");
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("is for administrators only", async () => {
    const { errors } = await api.graphql(IMPORT, await input({}), await bearer(["VIEWER"]));
    expect(errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it("answers a dry run with the summary in Italian, writing nothing; then imports", async () => {
    const before = await tableCounts(dataSource);
    const dry = await api.graphql<{ importSchede: { summary: string[]; changes: number } }>(
      IMPORT,
      await input({}, { dryRun: true }),
      admin,
    );
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importSchede.summary).toEqual([
      "Prova: nulla è stato scritto. Con l'atto DDG-2264-2019 l'importazione farebbe:",
      "Indicatori — indicatori: 1 creato",
      "Indicatori — target: 1 creato",
      "Fasi — fasi: 1 creata",
      "Cambiamenti del piano che l'atto registrerebbe: 3",
    ]);
    expect(await tableCounts(dataSource)).toEqual(before);
    const done = await api.graphql<{ importSchede: { dryRun: boolean; changes: number } }>(
      IMPORT,
      await input({}),
      admin,
    );
    expect(done.data!.importSchede).toMatchObject({ dryRun: false, changes: 3 });
  });

  it("refuses a bad sheet with INVALID_INPUT and every problem by sheet, row and column", async () => {
    const before = await tableCounts(dataSource);
    const { errors } = await api.graphql(
      IMPORT,
      await input({
        Indicatori: exampleRows(
          "Indicatori",
          { peso: 40, "soglia 2019": 45 },
          { "codice indicatore": "DIR-EDU-2019-9-K2", peso: 50 },
        ),
      }),
      admin,
    );
    expect(errors![0].extensions).toEqual({
      code: "INVALID_INPUT",
      problems: [
        {
          sheet: "Indicatori",
          row: 3,
          column: "peso",
          message: "i pesi degli indicatori dell'obiettivo DIR-EDU-2019-9 sommano a 90, non a 100",
        },
        {
          sheet: "Indicatori",
          row: 2,
          column: "soglia 2019",
          message: "la soglia 45 deve essere sotto il target 30: l'indicatore cresce verso il target",
        },
        // The previous test set the 2019 target by the same act: a change must take effect later.
        {
          sheet: "Indicatori",
          row: 2,
          column: "target 2019",
          message: "il target in vigore vale dal 2019-07-26: l'atto che lo cambia deve valere da un giorno successivo",
        },
      ],
    });
    expect(errors![0].message).toMatch(
      /^Nulla è stato importato: 3 problemi nel file\. Indicatori, riga 3, colonna "peso": i pesi /,
    );
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("says what is not base64 before reading anything", async () => {
    const { errors } = await api.graphql(
      IMPORT,
      { input: { ...(await input({})).input, contentBase64: "%%%" } },
      admin,
    );
    expect(errors![0]).toMatchObject({
      extensions: { code: "INVALID_INPUT" },
      message: matching(/base64/),
    });
  });
});
