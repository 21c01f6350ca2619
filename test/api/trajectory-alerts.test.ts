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

const HEADER = "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to";
const ACT = `{ kind: DG_DETERMINATION, number: "920", date: "2019-02-01", subject: "Target dell'ITP" }`;

/** An inbox with one invoice received on `receipt` (30-day term) and paid on `payment`. */
function inbox(receipt: string, payment: string): string {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-trajectory-"));
  writeFileSync(join(folder, "pagamenti.csv"), [HEADER, `F1;PAGAMENTO;${receipt};30;${payment};1000,00;;;`].join("\n"));
  return folder;
}

describe.each(testDatabases)("alerts on a value far from its trajectory on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  const options = runnerOptions(loadConfig({ ALERT_TRAJECTORY_TOLERANCE: "0.5", JOB_RETRIES: "0" }), "test");
  const run = async (index: number, folder: string) =>
    (await runJob(
      dataSource,
      {
        job: paymentTimelinessJob(),
        source: new CsvInbox(folder),
        period: { year: 2019, kind: PeriodKind.QUARTER, index },
        triggeredBy: "test",
      },
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
    // The ITP's 2019 target: 0 days, no credit from 30 days late. Score = (30 − ITP) / 30.
    const set = await api.graphql(
      `mutation { setTarget(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, kpiCode: "SAL-FIN-ITP", year: 2019, value: "0", bound: "30" }) { kind } }`,
      {},
      await bearer(["ADMIN"], [], "ufficio.pianificazione"),
    );
    expect(set.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("raises an alert when Q3's ITP of 28 days scores 6.7% against 66.7% for Q1 and Q2, and clears it when Q4 is back", async () => {
    // Q1 and Q2: due 31/01 and 01/05, paid 10 days later: ITP 10, score (30 − 10) / 30 = 0.667.
    expect((await run(1, inbox("01/01/2019", "10/02/2019"))).status).toBe(JobRunStatus.SUCCEEDED);
    const q2 = await run(2, inbox("01/04/2019", "11/05/2019"));
    expect(q2.status).toBe(JobRunStatus.SUCCEEDED);
    // Q2 against Q1: the same score, no gap.
    expect(await alerts()).toEqual([]);

    // Q3: due 31/07, paid 28/08: ITP 28, score (30 − 28) / 30 = 0.067; the median of Q1 and Q2 is
    // 0.667, a gap of 0.6 over the tolerance of 0.5.
    const q3 = await run(3, inbox("01/07/2019", "28/08/2019"));
    expect(await alerts()).toEqual([
      {
        kind: "FAR_FROM_TRAJECTORY",
        runId: q3.id,
        message:
          "SAL-FIN-ITP: punteggio di 2019-Q3 6,7% del target, traiettoria 66,7% (mediana di 2019-Q1, 2019-Q2): scarto di 60 punti, oltre la tolleranza di 50",
        clearedByRunId: null,
      },
    ]);

    // Q4: due 31/10, paid 09/11: ITP 9, score (30 − 9) / 30 = 0.7; the median of 0.667, 0.667 and
    // 0.067 is 0.667, a gap of 0.033: back within, the alert clears and none is raised.
    const q4 = await run(4, inbox("01/10/2019", "09/11/2019"));
    expect(q4.status).toBe(JobRunStatus.SUCCEEDED);
    expect(await alerts()).toEqual([]);
    expect((await alerts(false)).map((a) => [a.kind, a.runId, a.clearedByRunId])).toEqual([
      ["FAR_FROM_TRAJECTORY", q3.id, q4.id],
    ]);
  });
});
