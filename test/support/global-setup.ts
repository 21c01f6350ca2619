import { DataSource } from "typeorm";

/**
 * Probes the MySQL/MariaDB server once before the suites run. Under CI=true a missing server
 * fails the whole run; elsewhere its suites are left out with a warning.
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
    if (process.env.CI === "true")
      throw new Error(`${message}. CI=true requires the MySQL suites to run.`, { cause: error });
    console.warn(`\n${message}\nThe MySQL suites are left out (under CI=true they would fail the run).\n`);
    process.env.TRAGUARDO_TEST_MYSQL = "missing";
  }
}
