/**
 * The Nucleo's validation of a year alone, tried again and again on one prepared database
 * (BENCH_MYSQL_URL, default mysql://root@127.0.0.1:3306; database traguardo_close_<scale>):
 *   npm run bench:close -- --scale 10 --prepare   the plan, funds, people, UNDER_REVIEW
 *   npm run bench:close -- --scale 10 --tries 3   validate, check, put back, again
 * Each try validates twice: with the eligibility prepared ahead, as the server prepares it while
 * the year is under review (src/incentives/prepared-eligibility.ts), then with nothing prepared,
 * computing it inside the validation; both must freeze the same rows.
 * Between tries the frozen tables are emptied with TRUNCATE (which fires no trigger) and the cycle
 * put back UNDER_REVIEW: a scratch database's reset, never something the application does. Each
 * try checks the payroll export against the file computed before validation, and prints a digest
 * of the frozen rows to compare one build's freeze with another's.
 */
import "reflect-metadata";
import { Command } from "commander";
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Session } from "node:inspector/promises";
import { Connection } from "mysql2";
import { createConnection } from "mysql2/promise";
import { DataSource } from "typeorm";
import { Act } from "../../entities/act.entity";
import { ActKind, CycleStatus } from "../../entities/enums";
import { createAttainmentService } from "../attainment/attainment-service";
import { YearDataCache } from "../attainment/year-data-cache";
import { loadGeneratedPlan } from "../bench/generated-plan";
import { BENCH_ADMIN, BENCH_NUCLEO, prepareIncentives, sendToReview, YEAR } from "../bench/incentives";
import { measured } from "../bench/measure";
import { moveCycle } from "../cycles/move-cycle";
import { payrollCsv } from "../incentives/payroll-export";
import { payrollFile } from "../incentives/payroll-file";
import { PreparedEligibility } from "../incentives/prepared-eligibility";
import { watchTransactions } from "../embedded-transactions";
import { importPeople } from "../people/import-people";
import { prepareDatabase } from "../prepare-database";

/** Statements sent by every connection of the process: text queries and executed prepared statements. */
const traffic = { queries: 0, executions: 0 };
const connection = Connection.prototype as unknown as Record<"query" | "execute", (...args: unknown[]) => unknown>;
for (const method of ["query", "execute"] as const) {
  const original = connection[method];
  connection[method] = function (this: unknown, ...args: unknown[]) {
    if (method === "execute") traffic.executions++;
    else traffic.queries++;
    return original.apply(this, args);
  };
}

async function reset(dataSource: DataSource) {
  await dataSource.transaction(async (manager) => {
    await manager.query("SET FOREIGN_KEY_CHECKS = 0");
    for (const table of ["frozen_eligibility", "frozen_score", "cycle_snapshot"])
      await manager.query(`TRUNCATE TABLE \`${table}\``);
    await manager.query("SET FOREIGN_KEY_CHECKS = 1");
    await manager.query("UPDATE `evaluation_cycle` SET `status` = ? WHERE `year` = ?", [
      CycleStatus.UNDER_REVIEW,
      YEAR,
    ]);
  });
}

/** A digest of every frozen figure, in the order written, without the ids the database gave. */
async function frozenDigest(dataSource: DataSource): Promise<string> {
  const hash = createHash("sha256");
  const tables = {
    cycle_snapshot: "`year`, `takenBy`, `ruleSetVersion`, `gate`",
    frozen_score: "`objectiveKey`, `unitCode`, `score`, `computedScore`",
    frozen_eligibility:
      "`employeeId`, `employeeCode`, `employeeName`, `category`, `status`, `gateOpen`, `unitScore`, `individualScore`, " +
      "`composite`, `payableShare`, `maggiorazione`, `art69Rank`, `amount`, `reasons`, `days`, `inputs`",
  };
  for (const [table, columns] of Object.entries(tables)) {
    const rows: unknown[] = await dataSource.query(`SELECT ${columns} FROM \`${table}\` ORDER BY \`id\``);
    hash.update(`${table}:${rows.length}:${JSON.stringify(rows)}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

/** The CPU profile of `work` alone, written to `file` (for Chrome's DevTools) when a file is given. */
async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(options: { scale: string; prepare?: boolean; tries: string; profile?: string }) {
  const server = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
  const scale = Number(options.scale);
  const database = `traguardo_close_${String(scale).replace(".", "_")}`;
  if (options.prepare) {
    const admin = await createConnection(server);
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
  }
  const { dataSource } = await prepareDatabase({ DATABASE_URL: `${server}/${database}`, SQLITE_PATH: "" });
  const cache = new YearDataCache(dataSource);
  const attainment = () => createAttainmentService(dataSource, cache);
  try {
    if (options.prepare) {
      await loadGeneratedPlan(dataSource, scale);
      const { people } = await prepareIncentives(dataSource, Math.round(15_000 * scale));
      await importPeople(dataSource, BENCH_ADMIN, people);
      await sendToReview(dataSource, attainment());
      console.log(`prepared ${database}`);
      return;
    }
    const minutes = await dataSource.manager.findOneByOrFail(Act, { kind: ActKind.EVALUATION_BOARD_MINUTES });
    const validate = (prepared?: PreparedEligibility) =>
      moveCycle(
        dataSource,
        attainment(),
        BENCH_NUCLEO,
        { year: YEAR, to: CycleStatus.VALIDATED, actKey: minutes.key, note: null },
        { prepared },
      );
    for (let i = 0; i < Number(options.tries); i++) {
      // As the server does while the year is under review: the eligibility prepared after the last change.
      await reset(dataSource);
      const prepared = new PreparedEligibility(watchTransactions(dataSource));
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      // How long the server's other requests would wait at most while it prepares.
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const preparing = await measured(() => prepared.prepare(dataSource, attainment(), YEAR));
      delay.disable();
      global.gc?.();
      // What a server holds while the year is under review.
      const heldMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      const expected = payrollFile((await prepared.current(dataSource.manager, YEAR))!);
      Object.assign(traffic, { queries: 0, executions: 0 });
      const cpu = process.cpuUsage();
      const validated = await measured(() => profiled(options.profile, () => validate(prepared)));
      const { user, system } = process.cpuUsage(cpu);
      const identical = (await payrollCsv(dataSource, YEAR)) === expected;
      const digest = await frozenDigest(dataSource);
      // Then with nothing prepared: validation computes the eligibility itself; the same rows must be frozen.
      await reset(dataSource);
      const cold = await measured(() => validate());
      const coldDigest = await frozenDigest(dataSource);
      console.log(
        JSON.stringify({
          try: i + 1,
          preparingSeconds: +preparing.seconds.toFixed(2),
          preparedHeldMb: +heldMb.toFixed(1),
          preparingLongestStallMs: Math.round(delay.max / 1e6),
          seconds: +validated.seconds.toFixed(2),
          peakHeapMb: +validated.peakHeapMb.toFixed(1),
          nodeCpuSeconds: +((user + system) / 1e6).toFixed(2),
          queries: traffic.queries,
          preparedExecutions: traffic.executions,
          frozenExportIdentical: identical,
          frozenDigest: digest,
          nothingPreparedSeconds: +cold.seconds.toFixed(2),
          nothingPreparedPeakHeapMb: +cold.peakHeapMb.toFixed(1),
          sameFrozenRows: coldDigest === digest,
        }),
      );
      if (!identical || coldDigest !== digest) process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

new Command("bench-close")
  .option("--scale <n>", "1 = Milan's 15,000 employees", "1")
  .option("--prepare", "make the database afresh and bring the year to UNDER_REVIEW")
  .option("--tries <n>", "validations to time", "3")
  .option("--profile <file>", "write the CPU profile of the (last) validation to this file")
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.stack);
    process.exit(1);
  });
