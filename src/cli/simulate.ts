/**
 * Writes GENERATED source data (not real data) for the jobs, at the size of Milan by default:
 *   npm run simulate                                   → var/sources/generated.sqlite, 2019 and 2020
 *   npm run simulate -- --years 2019 --invoices 30000 --csv var/inbox/payment-timeliness
 *   npm run simulate -- --mysql mysql://root@127.0.0.1:3306/sources
 */
import { Command } from "commander";
import { join } from "node:path";
import { projectRoot } from "../project-root";
import { generatePaymentLines } from "../simulate/payment-lines";
import { PAYMENT_LINES, writeCsv, writeMysql, writeSqlite } from "../simulate/sinks";

const program = new Command("simulate")
  .description("Write GENERATED source data for the jobs (clearly labelled; not real data)")
  .option("--years <years>", "comma-separated years", "2019,2020")
  .option("--invoices <n>", "commercial invoices a year", "300000")
  .option("--sqlite <file>", "SQLite file to write", join(projectRoot(), "var", "sources", "generated.sqlite"))
  .option("--mysql <url>", "write to this MySQL/MariaDB database instead")
  .option("--csv <folder>", "also write Italian CSV exports into this inbox folder")
  .action(async (options: { years: string; invoices: string; sqlite: string; mysql?: string; csv?: string }) => {
    const years = options.years.split(",").map(Number);
    const invoices = Number(options.invoices);
    const lines = function* () {
      for (const year of years) yield* generatePaymentLines(year, invoices);
    };
    const started = Date.now();
    const count = options.mysql
      ? await writeMysql(options.mysql, PAYMENT_LINES, lines() as Iterable<Record<string, unknown>>)
      : writeSqlite(options.sqlite, PAYMENT_LINES, lines() as Iterable<Record<string, unknown>>);
    console.log(`GENERATED ${count} payment lines (${years.join(", ")}) into ${options.mysql ?? options.sqlite} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (options.csv) {
      for (const year of years) {
        const file = join(options.csv, `GENERATED-pagamenti-${year}.csv`);
        const rows = await writeCsv(file, Object.keys(PAYMENT_LINES.columns), generatePaymentLines(year, invoices) as Iterable<Record<string, unknown>>);
        console.log(`GENERATED ${rows} rows into ${file}`);
      }
    }
  });

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
