import "reflect-metadata";
import cluster from "node:cluster";
import { AddressInfo } from "node:net";
import { runClusterPrimary } from "./cluster-primary";
import { Config, loadConfig } from "./config";
import { openDatabase } from "./database";
import { createHttpServer } from "./http/server";
import { startScheduler } from "../jobs/engine/scheduler";
import { createLogger, Logger } from "./logger";
import { prepareDatabase } from "./prepare-database";

/**
 * npm start: migrate, load the Milan plan if missing, schedule the jobs, serve GraphQL. With
 * WEB_CONCURRENCY above 1 this process migrates and loads, and forks that many that serve.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) return runClusterPrimary(config, logger);
  // A forked server process finds the database migrated and the plan loaded by the primary.
  const dataSource = cluster.isWorker ? await openDatabase(config) : await prepared(config, logger);

  const scheduler = config.JOB_SCHEDULER === "on" ? startScheduler(dataSource, config, logger) : null;
  let stopping = false;
  const http = await createHttpServer(config, dataSource, logger, () =>
    scheduler === null ? "off" : stopping ? "stopped" : "running",
  );
  http.server.once("error", (error: NodeJS.ErrnoException) => {
    logger.fatal(
      error.code === "EADDRINUSE" ? `PORT ${config.PORT} is already in use: set PORT to a free port` : error.message,
    );
    process.exit(1);
  });
  http.server.listen(config.PORT, () => {
    // The port bound, which PORT=0 leaves to the system.
    const { port } = http.server.address() as AddressInfo;
    // The pid tells the processes of WEB_CONCURRENCY apart.
    logger.info(
      { port, pid: process.pid },
      `GraphQL on http://localhost:${port}/graphql` +
        (config.GRAPHQL_EXPLORER === "on" ? `, explorer on http://localhost:${port}/explorer` : ""),
    );
  });

  const shutdown = async (signal: string) => {
    // A forked process gets the terminal's SIGINT and then the primary's SIGTERM.
    if (stopping) return;
    logger.info({ signal }, "shutting down");
    stopping = true;
    await scheduler?.stop();
    await http.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

async function prepared(config: Config, logger: Logger) {
  const { dataSource, inserted } = await prepareDatabase(config);
  logger.info(
    { database: config.DATABASE_URL ? "mysql" : config.SQLITE_PATH, inserted },
    "database migrated, plan loaded (Milan 2019-2021 unless another administration is there)",
  );
  return dataSource;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
