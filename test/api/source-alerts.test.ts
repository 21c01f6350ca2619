import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob } from "../../jobs/engine/run-job";
import { runnerOptions } from "../../jobs/engine/scheduler";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { loadConfig } from "../../src/config";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const Q4 = { year: 2019, kind: PeriodKind.QUARTER, index: 4 };
const HEADER = "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to";

/** An inbox with `good` invoices paid in Q4 2019 and `bad` rows whose receipt date is no date. */
function inbox(good: number, bad = 0): string {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-alerts-"));
  const rows = [
    ...Array.from({ length: good }, (_, i) => `I${i};PAGAMENTO;01/10/2019;30;10/11/2019;100,00;;;`),
    ...Array.from({ length: bad }, (_, i) => `B${i};PAGAMENTO;99/99/2019;30;10/11/2019;100,00;;;`),
  ];
  writeFileSync(join(folder, "pagamenti.csv"), [HEADER, ...rows].join("\n"));
  return folder;
}

describe.each(testDatabases)("alerts on a job's source on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  const options = runnerOptions(loadConfig({ ALERT_REJECTED_SHARE: "0.1", JOB_RETRIES: "0" }), "test");
  const run = async (folder: string, period = Q4) =>
    (await runJob(
      dataSource,
      { job: paymentTimelinessJob(), source: new CsvInbox(folder), period, triggeredBy: "test" },
      options,
    ))!;
  const alerts = async (open = true) =>
    (
      await api.graphql<{
        sourceAlerts: Array<{ kind: string; runId: number; message: string; clearedByRunId: number | null }>;
      }>(`{ sourceAlerts(open: ${open}) { kind runId message clearedByRunId } }`, {}, await bearer(["VIEWER"]))
    ).data!.sourceAlerts;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("raises an alert for 1 row rejected in 4 (25% over 10%) and for two failures in a row, and clears both on a clean run", async () => {
    const rejecting = await run(inbox(3, 1));
    expect([rejecting.status, rejecting.rowsRead, rejecting.rowsRejected]).toEqual([JobRunStatus.SUCCEEDED, 4, 1]);
    expect(await alerts()).toEqual([
      {
        kind: "REJECTED_SHARE",
        runId: rejecting.id,
        message: `L'esecuzione ${rejecting.id} di payment-timeliness ha scartato 1 righe su 4 (25%), oltre la soglia del 10%`,
        clearedByRunId: null,
      },
    ]);
    const missing = join(tmpdir(), "traguardo-alerts-missing-folder");
    const first = await run(missing);
    expect(first.status).toBe(JobRunStatus.FAILED);
    expect((await alerts()).map((a) => a.kind)).toEqual(["REJECTED_SHARE"]);
    const second = await run(missing);
    const open = await alerts();
    expect(open.map((a) => [a.kind, a.runId])).toEqual([
      ["FAILED_TWICE", second.id],
      ["REJECTED_SHARE", rejecting.id],
    ]);
    expect(open[0].message).toMatch(
      new RegExp(
        `^payment-timeliness non è riuscito due volte di seguito \\(esecuzioni ${first.id} e ${second.id}\\): `,
      ),
    );
    // A third failure raises nothing new while the alert is open.
    await run(missing);
    expect(await alerts()).toHaveLength(2);

    const clean = await run(inbox(4));
    expect(clean.status).toBe(JobRunStatus.SUCCEEDED);
    expect(await alerts()).toEqual([]);
    expect((await alerts(false)).map((a) => [a.kind, a.clearedByRunId])).toEqual([
      ["FAILED_TWICE", clean.id],
      ["REJECTED_SHARE", clean.id],
    ]);
  });

  it("raises NO_ROWS when the source has no row for the period: nothing new since the last one", async () => {
    const empty = await run(inbox(0), { year: 2019, kind: PeriodKind.QUARTER, index: 3 });
    expect([empty.status, empty.rowsRead]).toEqual([JobRunStatus.SUCCEEDED, 0]);
    expect(await alerts()).toEqual([
      {
        kind: "NO_ROWS",
        runId: empty.id,
        message: `L'esecuzione ${empty.id} di payment-timeliness non ha trovato righe per 2019-Q3: la fonte non ha dati nuovi dal periodo precedente`,
        clearedByRunId: null,
      },
    ]);
    const next = await run(inbox(4));
    expect(next.status).toBe(JobRunStatus.SUCCEEDED);
    expect(await alerts()).toEqual([]);
  });

  it("carries each KPI's freshness: the ITP measured for 2019-Q4 is due again by 30/04/2020 (Q1's end + 30 days), overdue today", async () => {
    const { data } = await api.graphql<{
      objective: {
        kpis: Array<{
          code: string;
          freshness: { lastPeriod: string | null; expectedBy: string | null; overdue: boolean };
        }>;
      };
    }>(
      `{ objective(key: "SAL-FIN-TEMPESTIVITA") { kpis { code freshness { lastPeriod expectedBy overdue } } } }`,
      {},
      await bearer(["VIEWER"]),
    );
    const itp = data!.objective.kpis.find((k) => k.code === "SAL-FIN-ITP")!;
    expect(itp.freshness).toEqual({ lastPeriod: "2019-Q4", expectedBy: "2020-04-30", overdue: true });
    const { data: none } = await api.graphql<{
      objective: { kpis: Array<{ freshness: { lastPeriod: string | null; overdue: boolean } }> };
    }>(`{ objective(key: "SAL-REL-CRM") { kpis { freshness { lastPeriod overdue } } } }`, {}, await bearer(["VIEWER"]));
    // The CRM job never ran: its KPIs have no period and are not overdue.
    expect(none!.objective.kpis.length).toBeGreaterThan(0);
    for (const kpi of none!.objective.kpis) expect(kpi.freshness).toEqual({ lastPeriod: null, overdue: false });
  });
});
