import "reflect-metadata";
import { AddressInfo } from "node:net";
import { loadConfig } from "./config";
import { createHttpServer } from "./http/server";
import { startScheduler } from "../jobs/engine/scheduler";
import { createLogger } from "./logger";
import { prepareDatabase } from "./prepare-database";

/** npm start: migrate, load the Milan plan if missing, schedule the jobs, serve GraphQL. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const { dataSource, inserted } = await prepareDatabase(config);
  logger.info(
    { database: config.DATABASE_URL ? "mysql" : config.SQLITE_PATH, inserted },
    "database migrated, plan loaded (Milan 2019-2021 unless another administration is there)",
  );

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
    logger.info(
      { port },
      `GraphQL on http://localhost:${port}/graphql` +
        (config.GRAPHQL_EXPLORER === "on" ? `, explorer on http://localhost:${port}/explorer` : ""),
    );
  });

  const shutdown = async (signal: string) => {
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

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
