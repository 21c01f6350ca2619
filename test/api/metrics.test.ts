import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob } from "../../jobs/engine/run-job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { PeriodKind } from "../../entities/enums";
import { JobLease } from "../../entities/job-lease.entity";
import { RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

/** The value of one series in Prometheus' text format, or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(testDatabases)("/metrics on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });
  const scrape = async () => (await fetch(`${api.url}/metrics`)).text();

  it("counts requests per operation, errors per code, job runs with their rows, and both caches", async () => {
    const before = await scrape();
    const counted = (text: string, series: string) => (sample(text, series) ?? 0) - (sample(before, series) ?? 0);

    await api.graphql("query Cruscotto { attainment(year: 2019) { gate { computedOpen } } }");
    await api.graphql("query Cruscotto { attainment(year: 2019) { gate { computedOpen } } }");
    await api.graphql("query Cancello { attainment(year: 2019) { gate { open } } }");
    await api.graphql("query Sbagliata { attainment(year: 1999) { year } }");
    const folder = mkdtempSync(join(tmpdir(), "traguardo-metrics-"));
    writeFileSync(
      join(folder, "pagamenti.csv"),
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
        source: new CsvInbox(folder),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "metrics-test", leaseMs: 30_000, retries: 0, backoffMs: 0 },
    );

    const after = await scrape();
    expect(
      counted(
        after,
        'traguardo_http_request_duration_seconds_count{route="/graphql",operation="Cruscotto",status="200"}',
      ),
    ).toBe(2);
    expect(counted(after, 'traguardo_graphql_errors_total{code="INVALID_INPUT"}')).toBe(1);
    expect(counted(after, 'traguardo_job_runs_total{job="payment-timeliness",status="SUCCEEDED"}')).toBe(1);
    expect(counted(after, 'traguardo_job_rows_total{job="payment-timeliness",outcome="accepted"}')).toBe(1);
    expect(counted(after, 'traguardo_job_rows_total{job="payment-timeliness",outcome="rejected"}')).toBe(1);
    // The second Cruscotto was the first's answer again; Cancello, another query, found the year's inputs it loaded.
    expect(counted(after, 'traguardo_response_cache_total{result="hit"}')).toBe(1);
    expect(counted(after, 'traguardo_response_cache_total{result="miss"}')).toBe(3);
    expect(counted(after, 'traguardo_attainment_cache_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain("traguardo_process_resident_memory_bytes");
  });

  it("shows a lease held by a running job, and no person or token", async () => {
    await dataSource.manager.insert(JobLease, {
      jobKey: "crm-response",
      holder: "altro-server:42",
      expiresAt: new Date(Date.now() + 60_000),
    });
    const text = await scrape();
    expect(sample(text, 'traguardo_job_leases_held{job="crm-response"}')).toBe(1);
    expect(text).not.toContain("altro-server");
  });
});
