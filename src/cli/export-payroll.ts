/**
 * Writes the payroll CSV of a validated or closed year:
 *   npm run export:payroll -- --year 2019 [--out payroll-2019.csv]
 */
import "reflect-metadata";
import { Command } from "commander";
import { writeFileSync } from "node:fs";
import { loadConfig } from "../config";
import { payrollCsv } from "../incentives/payroll-export";
import { prepareDatabase } from "../prepare-database";

new Command("export:payroll")
  .requiredOption("--year <year>", "the plan year", (value) => Number(value))
  .option("--out <file>", "where to write it (default: payroll-<year>.csv)")
  .action(async (options: { year: number; out?: string }) => {
    const { dataSource } = await prepareDatabase(loadConfig());
    try {
      const file = options.out ?? `payroll-${options.year}.csv`;
      writeFileSync(file, await payrollCsv(dataSource, options.year));
      console.log(`Wrote ${file}`);
    } finally {
      await dataSource.destroy();
    }
  })
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
