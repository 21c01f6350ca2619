/**
 * Writes the payroll CSV of a validated or closed year (the figures frozen at validation):
 *   npm run export:payroll -- --year 2019 [--out payroll-2019.csv]
 */
import { Command } from "commander";
import { writeFileSync } from "node:fs";
import { payrollCsv } from "../incentives/payroll-export";
import { withDatabase } from "./with-database";

new Command("export:payroll")
  .requiredOption("--year <year>", "the plan year", (value) => Number(value))
  .option("--out <file>", "where to write it (default: payroll-<year>.csv)")
  .action((options: { year: number; out?: string }) =>
    withDatabase(async (dataSource) => {
      const file = options.out ?? `payroll-${options.year}.csv`;
      writeFileSync(file, await payrollCsv(dataSource, options.year));
      console.log(`Wrote ${file}`);
    }),
  )
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
