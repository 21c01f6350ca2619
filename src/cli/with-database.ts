import "reflect-metadata";
import { DataSource } from "typeorm";
import { loadConfig } from "../config";
import { prepareDatabase } from "../prepare-database";

/** Runs a command-line tool's work on the configured database, prepared as the server prepares it. */
export async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const { dataSource } = await prepareDatabase(loadConfig());
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
