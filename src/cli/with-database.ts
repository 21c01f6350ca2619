import "reflect-metadata";
import { DataSource } from "typeorm";
import { loadConfig } from "../config";
import { openDatabase } from "../database";
import { prepareDatabase } from "../prepare-database";

/**
 * Runs a command-line tool's work on the configured database, prepared as the server prepares it;
 * or, with `plan: false`, only migrated (an import that may bring its own administration).
 */
export async function withDatabase<T>(
  work: (dataSource: DataSource) => Promise<T>,
  { plan }: { plan: boolean } = { plan: true },
): Promise<T> {
  const dataSource = plan ? (await prepareDatabase(loadConfig())).dataSource : await openDatabase(loadConfig());
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
