import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { Measurement } from "../../entities/measurement.entity";
import { runJob } from "../../jobs/engine/run-job";
import { prepareDatabase } from "../../src/prepare-database";
import { projectRoot } from "../../src/project-root";
import { openWithPlan, testDatabases } from "../support/databases";

/** Polls the database (not the clock) until the child's run is under way. */
async function until(check: () => Promise<boolean>, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the child's run never started");
}

describe.each(testDatabases)("a job run killed mid-run on $name", (db) => {
  let dataSource: DataSource;
  let env: Record<string, string>;
  let server: Server;
  let sourceUrl: string;

  beforeAll(async () => {
    if (db.name === "sqlite") {
      // The child needs a database it can reach: a file, not this process's memory.
      const file = join(mkdtempSync(join(tmpdir(), "traguardo-kill-")), "traguardo.sqlite");
      dataSource = (await prepareDatabase({ SQLITE_PATH: file })).dataSource;
      env = { SQLITE_PATH: file };
    } else {
      dataSource = await openWithPlan(db);
      env = { DATABASE_URL: db.urlOf(dataSource) };
    }
    // A source that starts answering and never finishes: the child is killed while it reads.
    server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('[{"invoice_id": "A", ');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    sourceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pagamenti`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await db.close(dataSource);
  });

  it("leaves no value, and the next run records it as interrupted", async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      ["-r", "@swc-node/register", join(projectRoot(), "test", "support", "child-job-run.ts")],
      {
        cwd: projectRoot(),
        env: {
          ...process.env,
          ...env,
          JOB_PAYMENT_TIMELINESS_SOURCE: `http:${sourceUrl}`,
          JOB_SCHEDULER: "off",
          LOG_LEVEL: "silent",
        },
        stdio: "ignore",
      },
    );
    try {
      await until(
        async () =>
          (await dataSource.manager.count(JobRun, {
            where: { triggeredBy: "child", status: JobRunStatus.RUNNING },
          })) === 1,
      );
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) => child.once("exit", resolve));

    expect(await dataSource.manager.count(Measurement)).toBe(0);
    const killed = await dataSource.manager.findOneByOrFail(JobRun, { triggeredBy: "child" });
    expect(killed.status).toBe(JobRunStatus.RUNNING);

    // Its lease lapses (as it would after JOB_LEASE_SECONDS); the next run takes it and closes the dead run.
    await dataSource.query(
      "UPDATE job_lease SET expiresAt = '2020-01-01 00:00:00.000' WHERE jobKey = 'payment-timeliness'",
    );
    const inbox = mkdtempSync(join(tmpdir(), "traguardo-kill-inbox-"));
    const next = (await runJob(
      dataSource,
      {
        job: paymentTimelinessJob(),
        source: new CsvInbox(inbox),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "parent", leaseMs: 60_000, retries: 0, backoffMs: 0 },
    ))!;
    expect(next.status).toBe(JobRunStatus.SUCCEEDED);
    expect(await dataSource.manager.findOneByOrFail(JobRun, { id: killed.id })).toMatchObject({
      status: JobRunStatus.FAILED,
      error: "interrupted: its process stopped before finishing; it wrote nothing",
    });
  });
});
