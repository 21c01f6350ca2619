import { Router } from "express";
import { DataSource } from "typeorm";
import { Logger } from "../logger";

/** Whether the scheduler is meant to run in this process and, if so, whether it does. */
export type SchedulerState = () => "off" | "running" | "stopped";

interface Check {
  ok: boolean;
  detail?: string;
  /** Ready, but something an operator should mend. */
  warning?: string;
}

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health/ready`: the database
 * answers with every migration applied and, on SQLite, its file can still be written; the
 * scheduler runs when it is on). A balancer sends traffic on readiness; an orchestrator restarts
 * on liveness only, so a database that is down does not restart servers that would come back by
 * themselves. `/health` stays the liveness it was.
 */
export function healthRouter(dataSource: DataSource, scheduler: SchedulerState, logger: Logger): Router {
  const router = Router();
  const live = (_req: unknown, res: { json(body: unknown): void }) => res.json({ status: "ok" });
  router.get("/health", live);
  router.get("/health/live", live);
  // A warning is logged once, not on every probe of the balancer.
  let warned = false;
  router.get("/health/ready", async (_req, res) => {
    const checks = { database: await databaseCheck(dataSource, logger), scheduler: schedulerCheck(scheduler()) };
    const ready = Object.values(checks).every((check) => check.ok);
    if (!ready) logger.warn({ checks }, "not ready");
    else if (checks.database.warning && !warned) logger.warn({ checks }, "ready, with a warning");
    warned ||= Boolean(checks.database.warning);
    res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "unavailable", checks });
  });
  return router;
}

async function databaseCheck(dataSource: DataSource, logger: Logger): Promise<Check> {
  try {
    if (await dataSource.showMigrations()) return { ok: false, detail: "migrations are pending" };
    if (dataSource.options.type === "better-sqlite3") {
      await sqliteWriteProbe(dataSource);
      return { ok: true };
    }
    const warning = await rootUserWarning(dataSource);
    return warning ? { ok: true, warning } : { ok: true };
  } catch (error) {
    // The driver's text may name hosts or files: the log has it, the probe's answer does not.
    logger.error({ err: error }, "readiness: the database does not answer");
    const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
    return { ok: false, detail: (typeof code === "string" && UNWRITABLE[code]) || "the database does not answer" };
  }
}

/** Why a SQLite file that answers reads cannot take a write, by the driver's code. */
const UNWRITABLE: Record<string, string> = {
  SQLITE_READONLY_DBMOVED: "the database file was deleted or moved while open: writes would be lost",
  SQLITE_READONLY: "the database file cannot be written (read-only file or folder)",
  SQLITE_READONLY_DIRECTORY: "the database file cannot be written (read-only file or folder)",
  SQLITE_CANTOPEN: "the database file cannot be written (read-only file or folder)",
  SQLITE_BUSY: "the database file is locked by another process",
};

/**
 * A write that changes nothing (the header's user_version set to itself): an open SQLite file
 * still answers reads once deleted (its writes then go nowhere) or made read-only, so only a
 * write tells that the server can keep what it is sent.
 */
async function sqliteWriteProbe(dataSource: DataSource): Promise<void> {
  const [{ user_version: version }] = await dataSource.query<Array<{ user_version: number }>>("PRAGMA user_version");
  await dataSource.query(`PRAGMA user_version = ${Number(version)}`);
}

/** A warning when the server reaches MySQL/MariaDB as root, who could empty the append-only tables. */
async function rootUserWarning(dataSource: DataSource): Promise<string | null> {
  const [{ user }] = await dataSource.query<Array<{ user: string }>>("SELECT CURRENT_USER() AS user");
  if (user.split("@")[0] !== "root") return null;
  return "the server connects to the database as root: give it the least-privilege user (README, Database users), which cannot TRUNCATE or ALTER the append-only tables";
}

function schedulerCheck(state: ReturnType<SchedulerState>): Check {
  if (state === "stopped") return { ok: false, detail: "the job scheduler is on but not running" };
  return { ok: true, detail: state === "off" ? "off (JOB_SCHEDULER=off)" : "running" };
}
