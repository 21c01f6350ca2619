/**
 * Three dashboard operations at a scale, on MySQL/MariaDB: SQL statements per request, latency
 * under concurrent load on loopback, and one hand-written SQL query returning the same rows.
 *   npm run bench:dashboards -- --scale 1     (Milan: about 400 objectives, 1,500 KPIs, three years of monthly values)
 *   npm run bench:dashboards -- --scale 10
 * The KPIs, targets and values beyond the plan's own are GENERATED (codes GEN-…).
 */
import "reflect-metadata";
import { Command } from "commander";
import { AddressInfo } from "node:net";
import { createConnection } from "mysql2/promise";
import pino from "pino";
import { Logger } from "typeorm";
import { KpiDirection, KpiFrequency, KpiUnit, MeasurementStatus, ObjectiveLevel, PeriodKind, ScoringRule } from "../../entities/enums";
import { Act } from "../../entities/act.entity";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Objective } from "../../entities/objective.entity";
import { Target } from "../../entities/target.entity";
import { loadConfig } from "../config";
import { ensureCycles } from "../cycles/cycles";
import { openDatabase } from "../database";
import { createHttpServer } from "../http/server";
import { loadJobKpis } from "../plan-data/load-job-kpis";
import { loadPlan } from "../plan-data/load-plan";
import { readPlanData } from "../plan-data/read-plan-data";
import { seededRandom } from "../simulate/random";

class StatementCounter implements Logger {
  count = 0;
  logQuery() { this.count += 1; }
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

/** GENERATED KPIs on the plan's objectives, with targets and three years of monthly and yearly values. */
async function generate(dataSource: import("typeorm").DataSource, scale: number): Promise<{ kpis: number; measurements: number }> {
  const random = seededRandom(42 + scale);
  const objectives = await dataSource.manager.find(Objective, { where: [{ level: ObjectiveLevel.DIREZIONE }, { level: ObjectiveLevel.SALUTE }] });
  const act = await dataSource.manager.findOneByOrFail(Act, { key: "GC-2187-2019" });
  const wanted = 1500 * scale;
  const perObjective = Math.ceil(wanted / objectives.length);
  let kpis = 0;
  let measurements = 0;
  const now = new Date();
  for (let i = 0; i < objectives.length && kpis < wanted; i += 1) {
    const rows = Array.from({ length: Math.min(perObjective, wanted - kpis) }, (_, j) => ({
      objectiveId: objectives[i].id, code: `GEN-${objectives[i].id}-${j}`, name: `GENERATED indicator ${j + 1}`, unit: KpiUnit.PERCENT,
      direction: KpiDirection.HIGHER_IS_BETTER, weight: "1", frequency: KpiFrequency.MONTHLY, source: "MANUAL", scoring: ScoringRule.LINEAR,
    }));
    await dataSource.manager.insert(Kpi, rows);
    kpis += rows.length;
    const ids = (await dataSource.manager.find(Kpi, { select: { id: true }, where: rows.map((r) => ({ code: r.code })) })).map((k) => k.id);
    await dataSource.manager.insert(Target, ids.flatMap((kpiId) => [2019, 2020, 2021].map((year) => ({
      kpiId, year, description: "GENERATED target", items: [], value: String(60 + Math.round(random() * 30)), bound: null, actId: act.id, seedLine: null,
    }))));
    const values = ids.flatMap((kpiId) => [2019, 2020, 2021].flatMap((year) => [
      ...Array.from({ length: 12 }, (_, m) => ({ kind: PeriodKind.MONTH, index: m + 1 })), { kind: PeriodKind.YEAR, index: 0 },
    ].map((p) => ({
      kpiId, year, periodKind: p.kind, periodIndex: p.index, orgUnitId: null, breakdown: null, value: (40 + random() * 60).toFixed(2),
      numerator: null, denominator: null, status: MeasurementStatus.PROVISIONAL, jobRunId: null, recordedBy: "bench", recordedAt: now,
      supersedesId: null, reason: "GENERATED",
    }))));
    for (let c = 0; c < values.length; c += 2000) await dataSource.manager.insert(Measurement, values.slice(c, c + 2000));
    measurements += values.length;
  }
  return { kpis, measurements };
}

async function load(url: string, query: string, seconds: number, concurrency: number) {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const body = JSON.stringify({ query });
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      const json = (await response.json()) as { errors?: unknown[] };
      if (json.errors) throw new Error(`the query failed: ${JSON.stringify(json.errors).slice(0, 300)}`);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }));
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => +sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1);
  return { requests: sorted.length, perSecond: +(sorted.length / seconds).toFixed(1), p50Ms: at(50), p95Ms: at(95), p99Ms: at(99) };
}

async function main(options: { scale: string; seconds: string; concurrency: string }): Promise<void> {
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
  await loadPlan(dataSource, readPlanData());
  await loadJobKpis(dataSource);
  await ensureCycles(dataSource);
  const generated = await generate(dataSource, scale);
  const http = await createHttpServer(loadConfig({ DATABASE_URL: url, JOB_SCHEDULER: "off" }), dataSource, pino({ level: "silent" }));
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/graphql`;
  const sql = await createConnection(url);
  const results = [];
  for (const [label, query] of Object.entries(QUERIES) as Array<[keyof typeof QUERIES, string]>) {
    counter.count = 0;
    const once = (await (await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) })).json()) as { errors?: unknown[] };
    if (once.errors) throw new Error(`${label} failed: ${JSON.stringify(once.errors).slice(0, 300)}`);
    const statements = counter.count;
    const underLoad = await load(endpoint, query, Number(options.seconds), Number(options.concurrency));
    const runs = 20;
    const started = process.hrtime.bigint();
    let rows = 0;
    for (let i = 0; i < runs; i += 1) rows = ((await sql.query(HAND_WRITTEN[label]))[0] as unknown[]).length;
    const sqlMs = Number(process.hrtime.bigint() - started) / 1e6 / runs;
    results.push({ query: label, statements, ...underLoad, handWrittenSqlMs: +sqlMs.toFixed(1), handWrittenRows: rows, ratioP50ToSql: +(underLoad.p50Ms / sqlMs).toFixed(1) });
  }
  await sql.end();
  await http.stop();
  await dataSource.destroy();
  console.log(JSON.stringify({ scale, generated, concurrency: Number(options.concurrency), seconds: Number(options.seconds), results }, null, 2));
  console.table(results);
}

new Command("bench:dashboards")
  .option("--scale <n>", "1 = Milan", "1")
  .option("--seconds <n>", "load per query", "10")
  .option("--concurrency <n>", "requests in flight", "8")
  .action(main).parseAsync().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
