/**
 * Applies the pending migrations and exits: run with the migrations' database user, so that the
 * server's own user needs no right to change the schema (docs/mysql-least-privilege.sql).
 *
 *   DATABASE_URL=mysql://traguardo_migrator:…@host/traguardo npm run migrate
 */
import "reflect-metadata";
import { loadConfig } from "../config";
import { openDatabase } from "../database";

async function main(): Promise<void> {
  const dataSource = await openDatabase(loadConfig());
  const applied = await dataSource.query<Array<{ name: string }>>("SELECT name FROM migrations ORDER BY id");
  await dataSource.destroy();
  console.log(`the schema is up to date: ${applied.length} migrations applied, the last ${applied.at(-1)?.name}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
