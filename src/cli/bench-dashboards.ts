/**
 * Three dashboard operations at a scale, on MySQL/MariaDB: SQL statements per request, latency
 * under concurrent load on loopback, and one hand-written SQL query returning the same rows.
 *   npm run bench:dashboards -- --scale 1     (Milan: about 400 objectives, 1,500 KPIs, three years of monthly values)
 *   npm run bench:dashboards -- --scale 10
 * Then the same load on npm start's build in 1 and 2 processes (--processes 1,2; WEB_CONCURRENCY),
 * and the first request after a write with the years precomputed after a change and without.
 * The objectives, KPIs, targets and values beyond the plan's own are GENERATED (keys and codes GEN-…).
 */
import "reflect-metadata";
import { Command } from "commander";
import { AddressInfo } from "node:net";
import { createConnection } from "mysql2/promise";
import pino from "pino";
import { Logger } from "typeorm";
import { loadGeneratedPlan } from "../bench/generated-plan";
import { generateLoad, percentiles } from "../bench/load-generator";
import { loadConfig } from "../config";
import { ensureCycles } from "../cycles/cycles";
import { openDatabase } from "../database";
import { createHttpServer } from "../http/server";
import { loadJobKpis } from "../plan-data/load-job-kpis";
import { startServedProcesses } from "../bench/served-processes";
import { firstAfterWrite } from "../bench/after-write";
import { timedRequest } from "../bench/timed-request";

class StatementCounter implements Logger {
  count = 0;
  logQuery() {
    this.count += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const QUERIES = {
  "all units with objectives, KPIs and attainment": `{ orgUnits(asOf: "2019-12-31") { name objectives(year: 2019) { title kpis { name } attainment(year: 2019) { status score } } } }`,
  "one unit's scorecard, three years of values": `{ orgUnit(code: "EDU", asOf: "2019-12-31") { name objectives(year: 2019) { title kpis { name targets { year value } measurements { year periodKind periodIndex value } } } } }`,
  "administration overview with health indicators": `{ attainment(year: 2019) { gate { open score objectives { objective { title } status score } } } objectives(level: SALUTE, first: 50) { nodes { title healthGroup kpis { name measurements(year: 2019) { periodKind periodIndex value } } } } }`,
};

/** The same rows in one hand-written statement each (attainment itself is not SQL: its inputs are). */
const HAND_WRITTEN: Record<keyof typeof QUERIES, string> = {
  "all units with objectives, KPIs and attainment": `
    SELECT u.name, o.title, k.name AS kpi, t.value AS target, m.value
    FROM org_unit u JOIN objective o ON o.ownerUnitId = u.id JOIN objective_year y ON y.objectiveId = o.id AND y.year = 2019
    LEFT JOIN kpi k ON k.objectiveId = o.id LEFT JOIN target t ON t.kpiId = k.id AND t.year = 2019
    LEFT JOIN measurement m ON m.kpiId = k.id AND m.year = 2019 AND m.periodKind = 'YEAR' AND m.breakdown IS NULL
      AND NOT EXISTS (SELECT 1 FROM measurement l WHERE l.supersedesId = m.id)
    WHERE o.status = 'ACTIVE' ORDER BY u.name, o.position`,
  "one unit's scorecard, three years of values": `
    SELECT o.title, k.name, t.year, t.value AS target, m.year AS myear, m.periodKind, m.periodIndex, m.value
    FROM org_unit u JOIN objective o ON o.ownerUnitId = u.id JOIN objective_year y ON y.objectiveId = o.id AND y.year = 2019
    JOIN kpi k ON k.objectiveId = o.id LEFT JOIN target t ON t.kpiId = k.id
    LEFT JOIN measurement m ON m.kpiId = k.id AND NOT EXISTS (SELECT 1 FROM measurement l WHERE l.supersedesId = m.id)
    WHERE u.code = 'EDU' ORDER BY o.position, k.id, m.year, m.periodKind, m.periodIndex`,
  "administration overview with health indicators": `
    SELECT o.title, o.healthGroup, k.name, m.periodKind, m.periodIndex, m.value
    FROM objective o JOIN kpi k ON k.objectiveId = o.id
    LEFT JOIN measurement m ON m.kpiId = k.id AND m.year = 2019 AND m.breakdown IS NULL AND NOT EXISTS (SELECT 1 FROM measurement l WHERE l.supersedesId = m.id)
    WHERE o.level IN ('SALUTE', 'SOLIDALE') ORDER BY o.position, k.id`,
};

/** Latency of requests sent one at a time: the figure to set beside one hand-written statement. */
async function alone(url: string, query: string, runs: number) {
  const body = JSON.stringify({ query });
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) {
    const sent = process.hrtime.bigint();
    await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).json();
    latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
  }
  return percentiles(latencies, Number(process.hrtime.bigint() - started) / 1e9);
}

async function main(options: {
  scale: string;
  seconds: string;
  concurrency: string;
  processes: string;
}): Promise<void> {
  const scale = Number(options.scale);
  const server = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
  const name = `traguardo_dashboards_${String(scale).replace(".", "_")}`;
  const admin = await createConnection(server);
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const counter = new StatementCounter();
  const url = `${server}/${name}`;
  const dataSource = await openDatabase({ DATABASE_URL: url, SQLITE_PATH: "" }, counter);
  const generated = await loadGeneratedPlan(dataSource, scale);
  await loadJobKpis(dataSource);
  await ensureCycles(dataSource.manager);
  const http = await createHttpServer(
    // The first operation's estimated cost (201,521) passes the default limit, which guards a
    // public server against any query; the bench measures speed on operations it chose.
    loadConfig({ DATABASE_URL: url, JOB_SCHEDULER: "off", GRAPHQL_MAX_COST: "10000000" }),
    dataSource,
    pino({ level: "silent" }),
  );
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/graphql`;
  const sql = await createConnection(url);
  const results = [];
  for (const [label, query] of Object.entries(QUERIES) as Array<[keyof typeof QUERIES, string]>) {
    counter.count = 0;
    // The first request computes the answer (the response cache has nothing yet); the rest may be served from it.
    const firstMs = await timedRequest(endpoint, query, label);
    const statements = counter.count;
    const single = await alone(endpoint, query, 20);
    const underLoad = await generateLoad({
      url: endpoint,
      query,
      seconds: Number(options.seconds),
      concurrency: Number(options.concurrency),
    });
    const runs = 20;
    const started = process.hrtime.bigint();
    let rows = 0;
    for (let i = 0; i < runs; i += 1) rows = ((await sql.query(HAND_WRITTEN[label]))[0] as unknown[]).length;
    const sqlMs = Number(process.hrtime.bigint() - started) / 1e6 / runs;
    results.push({
      query: label,
      statements,
      firstMs,
      aloneP50Ms: single.p50Ms,
      handWrittenSqlMs: +sqlMs.toFixed(1),
      handWrittenRows: rows,
      ratioAloneToSql: +(single.p50Ms / sqlMs).toFixed(1),
      loadedPerSecond: underLoad.perSecond,
      loadedP50Ms: underLoad.p50Ms,
      loadedP95Ms: underLoad.p95Ms,
      loadedP99Ms: underLoad.p99Ms,
      ratioLoadedP50ToSql: +(underLoad.p50Ms / sqlMs).toFixed(1),
    });
  }
  await sql.end();
  await http.stop();
  await dataSource.destroy();

  // The same load on npm start's build, in 1 and more processes (WEB_CONCURRENCY), access log on.
  const throughput = [];
  for (const processes of options.processes.split(",").map(Number)) {
    const served = await startServedProcesses(url, processes, { GRAPHQL_MAX_COST: "10000000" });
    try {
      for (const [label, query] of Object.entries(QUERIES)) {
        const load = await generateLoad({
          url: served.endpoint,
          query,
          seconds: Number(options.seconds),
          concurrency: Number(options.concurrency),
        });
        throughput.push({ query: label, processes, perSecond: load.perSecond, p50Ms: load.p50Ms, p95Ms: load.p95Ms });
      }
    } finally {
      await served.stop();
    }
  }
  const firstOperation = "all units with objectives, KPIs and attainment";
  const afterWrite = await firstAfterWrite(url, firstOperation, QUERIES[firstOperation]);
  console.log(
    JSON.stringify(
      {
        scale,
        generated,
        concurrency: Number(options.concurrency),
        seconds: Number(options.seconds),
        results,
        throughput,
        afterWrite,
      },
      null,
      2,
    ),
  );
  console.table(results);
  console.table(throughput);
  console.table(afterWrite.map((r) => ({ ...r, afterWriteMs: r.afterWriteMs.join(", ") })));
}

new Command("bench:dashboards")
  .option("--scale <n>", "1 = Milan", "1")
  .option("--seconds <n>", "load per query", "10")
  .option("--concurrency <n>", "requests in flight", "8")
  .option("--processes <list>", "server processes (WEB_CONCURRENCY) to measure npm start's build with", "1,2")
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
