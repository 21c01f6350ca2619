/**
 * Writes the year's Amministrazione Trasparente tables (payment timeliness, debts and creditor
 * firms, L. 145/2018 figures) as Italian CSV files and one XLSX workbook:
 *   npm run export:transparency -- --year 2019 [--out dir]
 */
import { Command } from "commander";
import { mkdirSync } from "node:fs";
import { todayInRome } from "../dates";
import { publicationsOf } from "../statutory/publications";
import { transparencyTables } from "../statutory/transparency-tables";
import { writeTransparencyFiles } from "../statutory/transparency-files";
import { withDatabase } from "./with-database";

new Command("export:transparency")
  .requiredOption("--year <year>", "the plan year", (value) => Number(value))
  .option("--out <dir>", "the folder to write them to (default: the current one)", ".")
  .action((options: { year: number; out: string }) =>
    withDatabase(async (dataSource) => {
      const calendar = await publicationsOf(dataSource, options.year, todayInRome());
      mkdirSync(options.out, { recursive: true });
      const files = await writeTransparencyFiles(options.year, transparencyTables(options.year, calendar), options.out);
      for (const file of files) console.log(`Wrote ${file}`);
      for (const due of calendar.filter((d) => !d.ready))
        console.log(`Non pronto: ${due.obligation} ${due.period}: ${due.missing.join("; ")}`);
    }),
  )
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
