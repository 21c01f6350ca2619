/**
 * Imports a whole plan's GENERATED schede (400 × scale objectives × 4 KPIs × 3 years, and 3 phases
 * each) into a fresh database, printing seconds and peak memory for reading and checking the
 * workbook, for the database write, and for re-importing it unchanged:
 *   npm run bench:import [-- --scale 10] [--database sqlite|mysql|both]
 * SQLite is a file in a temporary folder; MySQL/MariaDB (BENCH_MYSQL_URL, default
 * mysql://root@127.0.0.1:3306) a scratch database, created and dropped.
 */
import "reflect-metadata";
import { Command } from "commander";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource } from "typeorm";
import { ActKind, PlanChangeReason, Role } from "../../entities/enums";
import { measured } from "../bench/measure";
import { benchPlanContent } from "../bench/plan-workbook";
import { openDatabase } from "../database";
import { importPlan } from "../plan-import/import-plan";
import { PlanImportRejected } from "../plan-import/problems";
import { parsePlanWorkbook } from "../plan-import/sheets/parse-workbook";
import { ImportFile, readPlanFiles } from "../plan-import/sheets/read-files";
import { writePlanWorkbook } from "../plan-import/sheets/write-workbook";
import { storeWorkbook } from "../plan-import/store/store-workbook";

const caller = { subject: "bench", roles: [Role.ADMIN], units: [] };
const options = {
  basis: {
    act: { kind: ActKind.DG_DETERMINATION, number: "1", date: "2019-02-01", subject: "Schede (GENERATED)" },
    reason: PlanChangeReason.CHANGED_PRIORITIES,
    effectiveDate: null,
    annexPage: null,
    note: null,
  },
  dryRun: false,
  jobKeys: [],
};

/** Peaks above what was in use before the step, and the process's largest resident size so far (it never falls). */
const figures = (step: { seconds: number; peakHeapMb: number; peakRssMb: number }) => ({
  seconds: +step.seconds.toFixed(2),
  peakHeapMb: +step.peakHeapMb.toFixed(1),
  peakRssMb: +step.peakRssMb.toFixed(1),
  processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
});

async function benchOn(dataSource: DataSource, files: ImportFile[]) {
  const read = await measured(async () => parsePlanWorkbook(await readPlanFiles(files)));
  if (read.result.problems.length) throw new PlanImportRejected(read.result.problems);
  const write = await measured(() =>
    storeWorkbook(dataSource, caller, read.result.workbook, { ...options, fileName: files[0].name }),
  );
  const again = await measured(() => importPlan(dataSource, caller, files, options));
  if (again.result.changes !== 0) throw new Error(`re-import recorded ${again.result.changes} changes, not 0`);
  return {
    planChanges: write.result.changes,
    readAndCheck: figures(read),
    databaseWrite: figures(write),
    reimportUnchanged: figures(again),
  };
}

async function onSqlite(files: ImportFile[]) {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-bench-import-"));
  const dataSource = await openDatabase({ SQLITE_PATH: join(folder, "bench.sqlite") });
  try {
    return await benchOn(dataSource, files);
  } finally {
    await dataSource.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function onMysql(files: ImportFile[]) {
  const server = (process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306").replace(/\/$/, "");
  const name = `traguardo_bench_import_${randomBytes(4).toString("hex")}`;
  const admin = await createConnection(server);
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    const dataSource = await openDatabase({ DATABASE_URL: `${server}/${name}`, SQLITE_PATH: "" });
    try {
      return await benchOn(dataSource, files);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

async function main(opts: { scale: string; database: string }): Promise<void> {
  const scale = Number(opts.scale);
  const content = benchPlanContent(scale);
  const file = await writePlanWorkbook(content);
  const files = [{ name: `GENERATED-bench-plan-${scale}.xlsx`, content: file }];
  const size = {
    objectives: content.rows.Obiettivi!.length,
    kpis: content.rows.Indicatori!.length,
    targets: content.rows.Indicatori!.flatMap((row) =>
      content.years.filter((year) => row[`target ${year}`] != null || row[`minimo ${year}`] != null),
    ).length,
    phases: content.rows.Fasi!.length,
    workbookMb: +(file.length / 2 ** 20).toFixed(2),
  };
  const databases = opts.database === "both" ? ["sqlite", "mysql"] : [opts.database];
  const runs: Record<string, Awaited<ReturnType<typeof benchOn>>> = {};
  for (const database of databases)
    runs[database] = database === "sqlite" ? await onSqlite(files) : await onMysql(files);
  const machine = {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  console.log(JSON.stringify({ machine, scale, size, runs }, null, 2));
  console.table(
    Object.entries(runs).flatMap(([database, run]) =>
      (["readAndCheck", "databaseWrite", "reimportUnchanged"] as const).map((step) => ({
        database,
        step,
        ...run[step],
      })),
    ),
  );
}

new Command("bench:import")
  .option("--scale <n>", "1 = 400 objectives × 4 KPIs × 3 years", "1")
  .option("--database <which>", "sqlite, mysql or both", "both")
  .action(main)
  .parseAsync()
  .catch((error: Error) => {
    console.error(error instanceof PlanImportRejected ? error.problems.slice(0, 10) : error.message);
    process.exit(1);
  });
