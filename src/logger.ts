import pino, { Logger } from "pino";
import pretty from "pino-pretty";
import { Config } from "./config";

export type { Logger };

export function createLogger(config: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">): Logger {
  const options = { level: config.LOG_LEVEL, base: { service: "traguardo" } };
  // Synchronous, in this thread: a worker-thread transport would lose the last lines at exit.
  if (config.LOG_FORMAT === "pretty")
    return pino(options, pretty({ sync: true, translateTime: "SYS:HH:MM:ss", ignore: "service,pid,hostname" }));
  return pino(options);
}
