import cluster, { Worker } from "node:cluster";
import { Config } from "./config";
import { Logger } from "./logger";
import { prepareDatabase } from "./prepare-database";

/**
 * `WEB_CONCURRENCY=N npm start`: this process migrates the database and loads the plan once, then
 * forks N server processes (node:cluster) that share the port; it serves nothing itself. The
 * scheduler runs in one of them, the first, and in the one that replaces it if it stops; the
 * others start with JOB_SCHEDULER=off. (The leases would keep a tick to one run anyway: see Jobs.)
 * Each process keeps its own response cache, all keyed by the database's change counters.
 */
export async function runClusterPrimary(config: Config, logger: Logger): Promise<void> {
  const { dataSource, inserted } = await prepareDatabase(config);
  logger.info(
    { database: config.DATABASE_URL ? "mysql" : config.SQLITE_PATH, inserted },
    "database migrated, plan loaded (Milan 2019-2021 unless another administration is there)",
  );
  await dataSource.destroy();

  const live = new Set<Worker>();
  const served = new WeakSet<Worker>();
  let schedules: Worker | null = null;
  let stopping = false;
  const fork = (withScheduler: boolean) => {
    const worker = cluster.fork({ JOB_SCHEDULER: withScheduler ? config.JOB_SCHEDULER : "off" });
    live.add(worker);
    if (withScheduler) schedules = worker;
  };
  cluster.on("listening", (worker) => served.add(worker));
  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker);
    if (stopping) {
      // With the exit code set when a process failed at start.
      if (live.size === 0) process.exit();
      return;
    }
    // One that never served failed at start (port taken, database unreachable): so would another.
    if (!served.has(worker)) {
      logger.fatal({ pid: worker.process.pid, code, signal }, "a server process stopped before serving: stopping");
      process.exitCode = 1;
      stopAll("a server process failed");
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, "a server process stopped: starting another");
    fork(worker === schedules);
  });
  const stopAll = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down the server processes");
    for (const worker of live) worker.process.kill("SIGTERM");
  };
  process.once("SIGINT", () => stopAll("SIGINT"));
  process.once("SIGTERM", () => stopAll("SIGTERM"));

  for (let i = 0; i < config.WEB_CONCURRENCY; i += 1) fork(i === 0);
  logger.info({ processes: config.WEB_CONCURRENCY }, "server processes started");
}
