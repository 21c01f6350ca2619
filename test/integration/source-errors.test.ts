import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, RequestListener, Server } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { HttpJson } from "../../jobs/adapters/http-json";
import { SourceAdapter, SourceUnavailable } from "../../jobs/adapters/source";
import { SourceRecord } from "../../jobs/job";
import { runJob } from "../../jobs/engine/run-job";
import { runnerOptions } from "../../jobs/engine/scheduler";
import { findJob } from "../../jobs/registry";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { loadConfig } from "../../src/config";
import { openWithPlan, testDatabases } from "../support/databases";

const q4 = { year: 2019, kind: PeriodKind.QUARTER, index: 4 };

/** Reads a source to the end, as a run would. */
async function drain(source: SourceAdapter): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const batch of source.read("2019-10-01", "2019-12-31", "payment_date")) records.push(...batch);
  return records;
}

describe("a job's source that fails", () => {
  const sqlite = testDatabases.find((db) => db.name === "sqlite")!;
  let dataSource: DataSource;
  let server: Server | undefined;

  beforeAll(async () => (dataSource = await openWithPlan(sqlite)));
  const stopEndpoint = () => {
    // Requests left hanging on purpose are cut, so the server closes at once.
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  };
  afterEach(stopEndpoint);
  afterAll(() => sqlite.close(dataSource));

  /** A local endpoint answering as `answer` does; its URL. */
  async function endpoint(answer: RequestListener): Promise<string> {
    server = createServer(answer);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/pagamenti`;
  }

  // Issue 16.8: ENOENT will not go away by waiting, so it is no longer retried.
  it("fails a run on a missing inbox folder at once, naming the folder and the variable to set", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "traguardo-gone-")), "pagamenti");
    const config = loadConfig({
      JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${folder}`,
      JOB_RETRIES: "3",
      // A retry would wait a minute: the test would time out.
      JOB_BACKOFF_MS: "60000",
    });
    const job = findJob(config, "payment-timeliness")!;
    const run = (await runJob(
      dataSource,
      { job: job.definition, source: job.source(), period: q4, triggeredBy: "test" },
      runnerOptions(config, "test"),
    ))!;
    expect(run.status).toBe(JobRunStatus.FAILED);
    expect(run.error).toMatch(
      new RegExp(`^cannot read the inbox ${folder}: ENOENT.*: create it, or set JOB_PAYMENT_TIMELINESS_SOURCE to`),
    );
  });

  it("fails a run on an inbox file the CSV reader cannot read, naming the file and line, without retrying", async () => {
    const folder = mkdtempSync(join(tmpdir(), "traguardo-broken-"));
    writeFileSync(join(folder, "pagamenti.csv"), 'invoice_id;kind;payment_date\nA;PAGAMENTO;"10/11/2019\n');
    const run = (await runJob(
      dataSource,
      {
        job: findJob(loadConfig({}), "payment-timeliness")!.definition,
        source: new CsvInbox(folder),
        period: q4,
        triggeredBy: "test",
      },
      { holder: "test", leaseMs: 60_000, retries: 3, backoffMs: 60_000 },
    ))!;
    expect(run).toMatchObject({ status: JobRunStatus.FAILED, rowsRead: 0 });
    expect(run.error).toMatch(new RegExp(`^${join(folder, "pagamenti.csv")}: Quote Not Closed: .* at line 2$`));
  });

  it("counts an endpoint answering an error status as down", async () => {
    const url = await endpoint((_request, response) => response.writeHead(503).end("maintenance"));
    const source = new HttpJson(url);
    await expect(drain(source)).rejects.toThrow(SourceUnavailable);
    await expect(drain(source)).rejects.toThrow(`HTTP ${url} answered HTTP 503`);
  });

  it("gives up on an endpoint that does not answer within the configured time", async () => {
    const url = await endpoint(() => undefined); // takes the request, never answers
    const config = loadConfig({ JOB_PAYMENT_TIMELINESS_SOURCE: `http:${url}`, JOB_SOURCE_TIMEOUT_SECONDS: "1" });
    await expect(drain(findJob(config, "payment-timeliness")!.source())).rejects.toThrow(
      `HTTP ${url} did not answer: no full answer within 1 s`,
    );
  });

  it("gives up on an endpoint that stops half way through its answer", async () => {
    const url = await endpoint((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('[{"invoice_id": "A", ');
    });
    await expect(drain(new HttpJson(url, 200))).rejects.toThrow(
      `HTTP ${url} did not answer: no full answer within 0.2 s`,
    );
  });

  it("refuses an answer that is not a list of rows", async () => {
    for (const body of ['{"error": "no data"}', '"2019-Q4"', "null", '{"rows": {"invoice_id": "A"}}']) {
      const url = await endpoint((_request, response) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(body);
      });
      await expect(drain(new HttpJson(url))).rejects.toThrow(
        `HTTP ${url} answered something other than a list of rows`,
      );
      stopEndpoint();
    }
  });
});
