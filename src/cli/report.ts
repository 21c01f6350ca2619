/**
 * Writes the Relazione sulla Performance of a year:
 *   npm run report -- --year 2019 --format pdf|xlsx|html [--as-of 2020-06-30] [--out file]
 * A validated or closed year comes from the figures frozen at validation, the same bytes every run.
 */
import { Command } from "commander";
import { writeFileSync } from "node:fs";
import { createAttainmentService } from "../attainment/attainment-service";
import { YearDataCache } from "../attainment/year-data-cache";
import { loadConfig } from "../config";
import { relazioneFile, reportDate, reportFormat } from "../report/relazione-file";
import { withDatabase } from "./with-database";

new Command("report")
  .requiredOption("--year <year>", "the plan year", (value) => Number(value))
  .requiredOption("--format <format>", "pdf, xlsx or html")
  .option("--as-of <date>", "the figures as known on this day (default: today; a frozen year: as frozen)")
  .option("--out <file>", "where to write it (default: relazione-performance-<year>.<format>)")
  .action((options: { year: number; format: string; asOf?: string; out?: string }) => {
    const format = reportFormat(options.format);
    const asOf = reportDate(options.asOf, "--as-of");
    return withDatabase(async (dataSource) => {
      const file = await relazioneFile(
        dataSource,
        createAttainmentService(dataSource, new YearDataCache(dataSource)),
        { year: options.year, format, asOf },
        loadConfig().CHROMIUM_PATH,
      );
      const out = options.out ?? file.fileName;
      // Written only once whole: a refusal or a failed print leaves no file behind.
      writeFileSync(out, file.body);
      console.log(`Wrote ${out}`);
    });
  })
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
