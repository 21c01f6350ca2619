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
import { closeDeadRuns } from "../../jobs/engine/interrupted-runs";
import { runJob } from "../../jobs/engine/run-job";
import { JobLease } from "../../entities/job-lease.entity";
import { prepareDatabase } from "../../src/prepare-database";
import { projectRoot } from "../../src/project-root";
import { openWithPlan, testDatabases } from "../support/databases";

const LEASE_SECONDS = 3;

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

  it("renews its lease while it runs; killed, it leaves no value, and the next run marks it INTERRUPTED and proceeds", async () => {
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
          JOB_LEASE_SECONDS: String(LEASE_SECONDS),
          LOG_LEVEL: "silent",
        },
        stdio: "ignore",
      },
    );
    const lease = () => dataSource.manager.findOneBy(JobLease, { jobKey: "payment-timeliness" });
    try {
      await until(async () => (await lease())?.holder === "child-process");
      // The heartbeat: the lease's end moves on while the source keeps the child waiting.
      const taken = (await lease())!.expiresAt!.getTime();
      await until(async () => (await lease())!.expiresAt!.getTime() > taken);
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) => child.once("exit", resolve));

    expect(await dataSource.manager.count(Measurement)).toBe(0);
    const killed = await dataSource.manager.findOneByOrFail(JobRun, { triggeredBy: "child" });
    expect(killed.status).toBe(JobRunStatus.RUNNING);
    // Its lease still runs: nobody may call it dead yet.
    expect(await closeDeadRuns(dataSource.manager, new Date(), LEASE_SECONDS * 1000)).toBe(0);

    // A lease later (the clock moved on, not the test), the next run takes the lapsed lease.
    const later = new Date((await lease())!.expiresAt!.getTime() + 1000);
    const inbox = mkdtempSync(join(tmpdir(), "traguardo-kill-inbox-"));
    const next = (await runJob(
      dataSource,
      {
        job: paymentTimelinessJob(),
        source: new CsvInbox(inbox),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "parent", leaseMs: 60_000, retries: 0, backoffMs: 0, now: () => later },
    ))!;
    expect(next.status).toBe(JobRunStatus.SUCCEEDED);
    expect(await dataSource.manager.findOneByOrFail(JobRun, { id: killed.id })).toMatchObject({
      status: JobRunStatus.INTERRUPTED,
      error: "interrupted: its process stopped before finishing; it wrote nothing",
    });
    expect(await dataSource.manager.countBy(JobRun, { status: JobRunStatus.RUNNING })).toBe(0);
  });
});
