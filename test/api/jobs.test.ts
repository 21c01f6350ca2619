import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const CSV = [
  "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to",
  "A;PAGAMENTO;01/10/2019;30;10/11/2019;1.000,00;;;",
  "B;PAGAMENTO;01/10/2019;30;not a date;1.000,00;;;",
].join("\n");

describe.each(testDatabases)("jobs over GraphQL on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    const inbox = mkdtempSync(join(tmpdir(), "traguardo-api-inbox-"));
    writeFileSync(join(inbox, "pagamenti.csv"), CSV);
    api = await startApi(dataSource, { JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${inbox}`, JOB_RETRIES: "0" });
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  it("lets an administrator run a job and read its rejected rows; others see the runs, not the rows", async () => {
    const admin = await bearer(["ADMIN"], [], "ops");
    const run = await api.graphql<{
      runJob: { id: string; status: string; rowsRead: number; rowsRejected: number; triggeredBy: string };
    }>(
      'mutation { runJob(jobKey: "payment-timeliness", period: "2019-Q4") { id status rowsRead rowsRejected triggeredBy } }',
      {},
      admin,
    );
    expect(run.errors).toBeUndefined();
    expect(run.data!.runJob).toMatchObject({ status: "SUCCEEDED", rowsRead: 2, rowsRejected: 1, triggeredBy: "ops" });

    const rows = await api.graphql(
      `{ jobRun(id: "${run.data!.runJob.id}") { rejectedRows { totalCount nodes { line reason } } } }`,
      {},
      admin,
    );
    expect(rows.data).toEqual({
      jobRun: {
        rejectedRows: {
          totalCount: 1,
          nodes: [{ line: 3, reason: 'payment_date: "not a date" is not a date (dd/mm/yyyy or yyyy-mm-dd)' }],
        },
      },
    });

    const viewer = await api.graphql(
      `{ jobRuns(jobKey: "payment-timeliness") { totalCount nodes { status } } jobRun(id: "${run.data!.runJob.id}") { rejectedRows { totalCount } } }`,
    );
    expect(viewer.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const runsOnly = await api.graphql(
      '{ jobRuns(jobKey: "payment-timeliness") { totalCount nodes { status period } } }',
    );
    expect(runsOnly.data).toEqual({ jobRuns: { totalCount: 1, nodes: [{ status: "SUCCEEDED", period: "2019-Q4" }] } });
  });

  it("links each value to the run that computed it", async () => {
    const { data } = await api.graphql<{
      measurements: Array<{ value: string; jobRun: { period: string; status: string } }>;
    }>(
      '{ measurements(kpiCode: "SAL-FIN-ITP") { value displayValue whole: displayValue(places: 0) jobRun { period status } } }',
    );
    expect(data!.measurements).toEqual([
      { value: "10", displayValue: "10.00", whole: "10", jobRun: { period: "2019-Q4", status: "SUCCEEDED" } },
    ]);
  });

  it("refuses to run a job for anyone but an administrator, and names an unknown job or period", async () => {
    const unit = await api.graphql(
      'mutation { runJob(jobKey: "payment-timeliness", period: "2019-Q4") { id } }',
      {},
      await bearer(["UNIT_MANAGER"], ["EDU"]),
    );
    expect(unit.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const admin = await bearer(["ADMIN"]);
    expect(
      (await api.graphql('mutation { runJob(jobKey: "nope", period: "2019") { id } }', {}, admin)).errors?.[0].message,
    ).toBe('The job "nope" does not exist');
    expect(
      (await api.graphql('mutation { runJob(jobKey: "payment-timeliness", period: "Q4") { id } }', {}, admin))
        .errors?.[0].message,
    ).toMatch(/^period: "Q4" is not a period/);
  });
});
