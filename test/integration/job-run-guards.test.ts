import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob, RunnerOptions } from "../../jobs/engine/run-job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { createInboxes } from "../../jobs/registry";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { loadConfig } from "../../src/config";
import { openWithPlan, testDatabases } from "../support/databases";

const Q4 = { year: 2019, kind: PeriodKind.QUARTER, index: 4 };

/** An inbox with `invoices` invoices paid in Q4 2019. */
function inbox(invoices: number): string {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-guards-"));
  const rows = Array.from({ length: invoices }, (_, i) => `I${i};PAGAMENTO;01/10/2019;30;10/11/2019;100,00;;;`);
  writeFileSync(
    join(folder, "pagamenti.csv"),
    ["invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to", ...rows].join(
      "\n",
    ),
  );
  return folder;
}

describe.each(testDatabases)("what a job run refuses to do on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await openWithPlan(db)));
  afterAll(() => db.close(dataSource));

  const options: RunnerOptions = { holder: "test", leaseMs: 30_000, retries: 0, backoffMs: 0, rerunMinShare: 0.5 };
  const run = (folder: string, force = false) =>
    runJob(
      dataSource,
      { job: paymentTimelinessJob(), source: new CsvInbox(folder), period: Q4, triggeredBy: "test", force },
      options,
    );

  it("needs force to supersede a run of 4 rows with one of 1 (under half of them), and says why", async () => {
    expect((await run(inbox(4)))!.status).toBe(JobRunStatus.SUCCEEDED);
    const refused = (await run(inbox(1)))!;
    expect(refused.status).toBe(JobRunStatus.FAILED);
    expect(refused.error).toMatch(
      /^read 1 rows, fewer than 50% of the 4 that run \d+ read for 2019-Q4, whose values it would supersede: .*--force/,
    );
    expect((await run(inbox(1), true))!.status).toBe(JobRunStatus.SUCCEEDED);
    // The forced run is the one superseded now: 2 rows after its 1, no question asked.
    expect((await run(inbox(2)))!.status).toBe(JobRunStatus.SUCCEEDED);
  });
});

describe("the inbox folders", () => {
  it("are created for every job whose source is a CSV inbox", () => {
    const root = mkdtempSync(join(tmpdir(), "traguardo-inboxes-"));
    createInboxes(
      loadConfig({ JOB_CRM_RESPONSE_SOURCE: `csv:${join(root, "crm")}`, JOB_OVERDUE_DEBT_SOURCE: "http://x/y" }),
    );
    expect(existsSync(join(root, "crm"))).toBe(true);
  });
});
