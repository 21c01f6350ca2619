import { DataSource } from "typeorm";

/** CI services set CI to "true", "1" or "yes", in any case. */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(true|1|yes)$/i.test(env.CI ?? "");
}

/**
 * Probes the MySQL/MariaDB server once before the suites run. Under CI a missing server fails the
 * whole run; elsewhere its suites are left out with a warning.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306";
  try {
    const admin = await new DataSource({ type: "mysql", url, connectTimeout: 5000 }).initialize();
    await admin.query("SELECT 1");
    await admin.destroy();
    process.env.TRAGUARDO_TEST_MYSQL = "available";
  } catch (error) {
    const message = `MySQL/MariaDB is not reachable at ${url}: ${(error as Error).message}`;
    if (underCi())
      throw new Error(`${message}. Under CI (CI=${process.env.CI}) the MySQL suites must run.`, { cause: error });
    console.warn(`\n${message}\nThe MySQL suites are left out (under CI they would fail the run).\n`);
    process.env.TRAGUARDO_TEST_MYSQL = "missing";
  }
}
