/**
 * Writes GENERATED source data (not real data) for the jobs, at the size of Milan by default:
 *   npm run simulate                                   → var/sources/generated.sqlite, 2019 and 2020
 *   npm run simulate -- --years 2019 --invoices 30000 --contacts 200000 --csv var/inbox
 *   npm run simulate -- --mysql mysql://root@127.0.0.1:3306/sources
 */
import { Command } from "commander";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../project-root";
import { generateCrmContacts } from "../simulate/crm-contacts";
import { generatePaymentLines } from "../simulate/payment-lines";
import { generateOpenItems } from "../simulate/open-items";
import {
  CRM_CONTACTS,
  OPEN_ITEMS,
  PAYMENT_LINES,
  TableSpec,
  WORKS_PROGRAMME,
  writeCsv,
  writeMysql,
  writeSqlite,
} from "../simulate/sinks";
import { generateWorksProgramme } from "../simulate/works-programme";

const program = new Command("simulate")
  .description("Write GENERATED source data for the jobs (clearly labelled; not real data)")
  .option("--years <years>", "comma-separated years", "2019,2020")
  .option("--invoices <n>", "commercial invoices a year", "300000")
  .option("--contacts <n>", "CRM contacts a year", "2000000")
  .option("--interventions <n>", "Piano Quartieri interventions a year", "300")
  .option("--sqlite <file>", "SQLite file to write", join(projectRoot(), "var", "sources", "generated.sqlite"))
  .option("--mysql <url>", "write to this MySQL/MariaDB database instead")
  .option("--csv <folder>", "also write Italian CSV exports into <folder>/<job key>")
  .option(
    "--env <file>",
    "write the jobs' source settings for these tables here (for node --env-file)",
    join(projectRoot(), "var", "sources", "generated.env"),
  )
  .action(
    async (options: {
      years: string;
      invoices: string;
      contacts: string;
      interventions: string;
      sqlite: string;
      mysql?: string;
      csv?: string;
      env: string;
    }) => {
      const years = options.years.split(",").map(Number);
      const sources: Array<{
        spec: TableSpec;
        job: string;
        rows: (year: number) => Iterable<Record<string, unknown>>;
      }> = [
        {
          spec: PAYMENT_LINES,
          job: "payment-timeliness",
          rows: (year) => generatePaymentLines(year, Number(options.invoices)) as Iterable<Record<string, unknown>>,
        },
        {
          spec: OPEN_ITEMS,
          job: "overdue-debt",
          rows: (year) => generateOpenItems(year, Number(options.invoices)) as Iterable<Record<string, unknown>>,
        },
        {
          spec: CRM_CONTACTS,
          job: "crm-response",
          rows: (year) => generateCrmContacts(year, Number(options.contacts)) as Iterable<Record<string, unknown>>,
        },
        {
          spec: WORKS_PROGRAMME,
          job: "piano-quartieri",
          rows: (year) =>
            generateWorksProgramme(year, Number(options.interventions)) as Iterable<Record<string, unknown>>,
        },
      ];
      for (const source of sources) {
        const all = function* () {
          for (const year of years) yield* source.rows(year);
        };
        const started = Date.now();
        const count = options.mysql
          ? await writeMysql(options.mysql, source.spec, all())
          : writeSqlite(options.sqlite, source.spec, all());
        console.log(
          `GENERATED ${count} rows of ${source.spec.table} (${years.join(", ")}) into ${options.mysql ?? options.sqlite} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        if (options.csv) {
          for (const year of years) {
            const file = join(options.csv, source.job, `GENERATED-${source.spec.table}-${year}.csv`);
            console.log(
              `GENERATED ${await writeCsv(file, Object.keys(source.spec.columns), source.rows(year))} rows into ${file}`,
            );
          }
        }
      }
      // Quoted: an env file reads an unquoted # as the start of a comment.
      const settings = sources.map(
        (s) =>
          `JOB_${s.job.toUpperCase().replace(/-/g, "_")}_SOURCE="sql:${options.mysql ?? options.sqlite}#${s.spec.table}"`,
      );
      writeFileSync(
        options.env,
        `# GENERATED sources for the jobs, written by npm run simulate\n${settings.join("\n")}\n`,
      );
      console.log(`Sources for the jobs in ${options.env}`);
    },
  );

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
