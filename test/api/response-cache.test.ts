import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { PeriodKind } from "../../entities/enums";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob } from "../../jobs/engine/run-job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { openDatabase } from "../../src/database";
import { prepareDatabase } from "../../src/prepare-database";
import { bearer, RunningApi, startApi, StatementCounter } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const ACT = '{ kind: GIUNTA_RESOLUTION, number: "901", date: "2020-02-10", subject: "Modifica di prova" }';
const EDU_OBJECTIVES = '{ objectives(level: DIREZIONE, unitCode: "EDU", first: 1) { nodes { id title } } }';
const EDU_GESTIONALI =
  '{ orgUnit(code: "EDU", asOf: "2019-12-31") { attainment(year: 2019) { gestionale { objectives { objective { key } score computedScore reviews { id } } } } } }';

type Objectives = { objectives: { nodes: Array<{ id: string; title: string }> } };
type Gestionali = {
  orgUnit: {
    attainment: {
      gestionale: {
        objectives: Array<{ objective: { key: string }; score: number; computedScore: number; reviews: unknown[] }>;
      };
    };
  };
};

/**
 * Two servers on one database through two connections, as two processes or replicas have: what
 * one writes, the other's next answer shows, though it answered the same query from its cache.
 * SQLite: two connections to one file (an in-memory database has only one).
 */
describe.each(testDatabases)("the response cache on $name", (db) => {
  const statements = new StatementCounter();
  let dataSource: DataSource;
  let other: DataSource;
  let folder: string | undefined;
  let api: RunningApi;
  let otherApi: RunningApi;

  beforeAll(async () => {
    if (db.name === "sqlite") {
      folder = mkdtempSync(join(tmpdir(), "traguardo-cache-"));
      const path = join(folder, "traguardo.sqlite");
      dataSource = (await prepareDatabase({ SQLITE_PATH: path }, statements)).dataSource;
      other = await openDatabase({ SQLITE_PATH: path });
    } else {
      dataSource = await openWithPlan(db, statements);
      other = await db.twin(dataSource);
    }
    api = await startApi(dataSource);
    otherApi = await startApi(other);
  });
  afterAll(async () => {
    await api?.close();
    await otherApi?.close();
    if (other?.isInitialized) await other.destroy();
    if (db.name === "sqlite" && dataSource?.isInitialized) await dataSource.destroy();
    else await db.close(dataSource);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** The statements one request runs on the first server. */
  const counted = async <T>(request: () => Promise<T>): Promise<{ result: T; statements: number }> => {
    statements.count = 0;
    const result = await request();
    return { result, statements: statements.count };
  };

  it("answers a repeated query with one statement (the counters), and after another server renames the objective, with the new title", async () => {
    const first = await api.graphql<Objectives>(EDU_OBJECTIVES);
    const again = await counted(() => api.graphql<Objectives>(EDU_OBJECTIVES));
    expect(again.result).toEqual(first);
    expect(again.statements).toBe(1);

    const { id, title } = first.data!.objectives.nodes[0];
    const renamed = await otherApi.graphql(
      `mutation { renameObjective(input: { act: ${ACT}, reason: FORM_ONLY, objectiveId: "${id}", newTitle: "${title} (rivisto)" }) { id } }`,
      {},
      await bearer(["ADMIN"]),
    );
    expect(renamed.errors).toBeUndefined();
    const after = await api.graphql<Objectives>(EDU_OBJECTIVES);
    expect(after.data!.objectives.nodes[0].title).toBe(`${title} (rivisto)`);
  });

  it("shows a plain SQL write by another connection to a plan table in the next answer", async () => {
    const before = (await api.graphql<Objectives>(EDU_OBJECTIVES)).data!.objectives.nodes[0];
    await other.query(`UPDATE objective SET title = 'Titolo scritto in SQL' WHERE id = ${Number(before.id)}`);
    const after = await api.graphql<Objectives>(EDU_OBJECTIVES);
    expect(after.data!.objectives.nodes[0]).toEqual({ id: before.id, title: "Titolo scritto in SQL" });
  });

  it("keeps no answer read while a transaction was open: rolled back, its rows never show, even once the counts reach its again", async () => {
    const before = (await api.graphql<Objectives>(EDU_OBJECTIVES)).data!.objectives.nodes[0];
    const transaction = dataSource.createQueryRunner();
    await transaction.startTransaction();
    try {
      await transaction.query(`UPDATE objective SET title = 'Mai confermato' WHERE id = ${Number(before.id)}`);
      // On SQLite this request shares the transaction's connection and reads its row.
      await api.graphql<Objectives>(EDU_OBJECTIVES);
    } finally {
      await transaction.rollbackTransaction();
      await transaction.release();
    }
    // One committed write to a plan table: the plan's count is again what the transaction made it.
    await dataSource.query("UPDATE org_unit SET name = 'Direzione Educazione (prova)' WHERE code = 'EDU'");
    const after = await api.graphql<Objectives>(EDU_OBJECTIVES);
    expect(after.data!.objectives.nodes[0]).toEqual(before);
  });

  it("shows the Nucleo's review recorded on another server in the next attainment answer", async () => {
    const erp = (answer: { data?: Gestionali }) =>
      answer.data!.orgUnit.attainment.gestionale.objectives.find((o) => o.objective.key === "GES-ERP")!;
    const before = erp(await api.graphql<Gestionali>(EDU_GESTIONALI));
    expect(before.reviews).toEqual([]);
    expect(erp((await counted(() => api.graphql<Gestionali>(EDU_GESTIONALI))).result)).toEqual(before);

    const review = await otherApi.graphql(
      'mutation { recordReview(input: { year: 2019, objectiveKey: "GES-ERP", unitCode: "EDU", decision: OVERRIDDEN, score: 0.2, comment: "Adozione del nuovo ERP ferma al primo modulo" }) { id } }',
      {},
      await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente"),
    );
    expect(review.errors).toBeUndefined();
    const after = erp(await api.graphql<Gestionali>(EDU_GESTIONALI));
    // Overridden: the Nucleo's 0.2 in place of the computed score, which stays as it was.
    expect([after.score, after.computedScore, after.reviews.length]).toEqual([0.2, before.computedScore, 1]);
  });

  it("never gives a VIEWER or an anonymous caller the answer kept for an ADMIN", async () => {
    // A run with one rejected row: rejectedRows is for ADMIN only (it may hold personal data).
    const inbox = mkdtempSync(join(tmpdir(), "traguardo-cache-run-"));
    writeFileSync(
      join(inbox, "pagamenti.csv"),
      [
        "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to",
        "A1;PAGAMENTO;01/10/2019;30;10/11/2019;100,00;;;",
        "A2;PAGAMENTO;01/10/2019;30;non-una-data;100,00;;;",
      ].join("\n"),
    );
    await runJob(
      dataSource,
      {
        job: paymentTimelinessJob(),
        source: new CsvInbox(inbox),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "cache-test", leaseMs: 30_000, retries: 0, backoffMs: 0 },
    );
    rmSync(inbox, { recursive: true, force: true });
    const runs = "{ jobRuns(first: 1) { nodes { jobKey rejectedRows { totalCount } } } }";
    const admin = await bearer(["ADMIN"]);
    const first = await api.graphql<{ jobRuns: { nodes: Array<{ rejectedRows: { totalCount: number } }> } }>(
      runs,
      {},
      admin,
    );
    expect(first.data!.jobRuns.nodes[0].rejectedRows.totalCount).toBe(1);
    expect((await counted(() => api.graphql(runs, {}, admin))).statements).toBe(1);
    for (const headers of [await bearer(["VIEWER"]), {}]) {
      // rejectedRows is non-null: its refusal empties the whole answer.
      const refused = await api.graphql<{ jobRuns: unknown }>(runs, {}, headers);
      expect(refused.data?.jobRuns ?? null).toBeNull();
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    }
  });

  it("answers eligibility afresh every time: the people tables are not counted", async () => {
    const report = "{ eligibilityReport(year: 2019) { employees } }";
    const admin = await bearer(["ADMIN"]);
    expect((await api.graphql(report, {}, admin)).errors).toBeUndefined();
    expect((await counted(() => api.graphql(report, {}, admin))).statements).toBeGreaterThan(1);
  });

  it("runs a mutation every time it is sent: the same text a second time meets the value the first wrote", async () => {
    const mutation =
      'mutation { recordMeasurement(input: { kpiCode: "SAL-CRM-CONTATTI", year: 2019, periodKind: QUARTER, periodIndex: 1, unitCode: "SCPS", value: "1000" }) { id } }';
    const admin = await bearer(["ADMIN"]);
    const first = await api.graphql<{ recordMeasurement: { id: string } }>(mutation, {}, admin);
    expect(first.errors).toBeUndefined();
    const second = await api.graphql(mutation, {}, admin);
    // A replayed answer would repeat the first id; run again, the write is refused as a repeat.
    expect(second.data?.recordMeasurement ?? null).toBeNull();
    expect(second.errors?.[0].message).toContain(`(measurement ${first.data!.recordMeasurement.id})`);
  });

  it("counts the changes to every table a kept answer or a prepared eligibility reads: all but the audit log, the frozen eligibility, leases and the counters", async () => {
    const triggers = new Set(
      (
        await dataSource.query<Array<{ name: string }>>(
          db.name === "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            : "SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()",
        )
      ).map((row) => row.name),
    );
    const uncounted = dataSource.entityMetadatas
      .map((entity) => entity.tableName)
      .filter((table) => ["insert", "update", "delete"].some((action) => !triggers.has(`${table}_counted_${action}`)))
      .sort();
    // What eligibilityReport (from validation on) and auditEvents read, which are never kept; leases, which no query reads.
    expect(uncounted).toEqual(["audit_event", "data_version", "frozen_eligibility", "job_lease"]);
  });
});
