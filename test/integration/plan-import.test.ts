import { DataSource } from "typeorm";
import { ActKind } from "../../entities/enums";
import { Phase } from "../../entities/phase.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { ActReference } from "../../src/plan/act-basis";
import { italianDate } from "../../src/italian-format";
import { ImportFile } from "../../src/plan-import/sheets/read-files";
import { CellValue } from "../../src/plan-import/sheets/sheet";
import { KPIS, PHASES } from "../../src/plan-import/sheets/template";
import { headersOf } from "../../src/plan-import/sheets/write-workbook";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";
import { exampleFile, exampleRows, importFiles, SCHEDE_ACT } from "../support/workbooks";

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
  const run = (files: ImportFile[], act = SCHEDE_ACT, dryRun = false) => importFiles(dataSource, files, act, dryRun);
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

  it("answers a dry run with what it would do, writing nothing", async () => {
    const before = await tableCounts(dataSource);
    const summary = await run(await exampleFile(), SCHEDE_ACT, true);
    expect(summary).toMatchObject({ dryRun: true, actKey: "DDG-2264-2019", changes: 3 });
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("imports the template's example by the act given, each element a change of its objective; again, nothing", async () => {
    const summary = await run(await exampleFile());
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
    expect(await run(await exampleFile())).toMatchObject({ changes: 0, actRecorded: false });
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("records a corrected sheet's differences only, as changes by the new act", async () => {
    const summary = await run(
      await exampleFile({
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
      await exampleFile({
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
