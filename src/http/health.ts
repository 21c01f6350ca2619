import { Router } from "express";
import { DataSource } from "typeorm";
import { Logger } from "../logger";

/** Whether the scheduler is meant to run in this process and, if so, whether it does. */
export type SchedulerState = () => "off" | "running" | "stopped";

interface Check {
  ok: boolean;
  detail?: string;
}

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health/ready`: the database
 * answers with every migration applied, and the scheduler runs when it is on). A balancer sends
 * traffic on readiness; an orchestrator restarts on liveness only, so a database that is down
 * does not restart servers that would come back by themselves. `/health` stays the liveness it was.
 */
export function healthRouter(dataSource: DataSource, scheduler: SchedulerState, logger: Logger): Router {
  const router = Router();
  const live = (_req: unknown, res: { json(body: unknown): void }) => res.json({ status: "ok" });
  router.get("/health", live);
  router.get("/health/live", live);
  router.get("/health/ready", async (_req, res) => {
    const checks = { database: await databaseCheck(dataSource, logger), scheduler: schedulerCheck(scheduler()) };
    const ready = Object.values(checks).every((check) => check.ok);
    if (!ready) logger.warn({ checks }, "not ready");
    res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "unavailable", checks });
  });
  return router;
}

async function databaseCheck(dataSource: DataSource, logger: Logger): Promise<Check> {
  try {
    if (await dataSource.showMigrations()) return { ok: false, detail: "migrations are pending" };
    return { ok: true };
  } catch (error) {
    // The driver's text may name hosts or files: the log has it, the probe's answer does not.
    logger.error({ err: error }, "readiness: the database does not answer");
    return { ok: false, detail: "the database does not answer" };
  }
}

function schedulerCheck(state: ReturnType<SchedulerState>): Check {
  if (state === "stopped") return { ok: false, detail: "the job scheduler is on but not running" };
  return { ok: true, detail: state === "off" ? "off (JOB_SCHEDULER=off)" : "running" };
}
