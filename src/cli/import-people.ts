/**
 * Imports people from CSV exports, all or nothing:
 *   npm run import:people -- --employees dipendenti.csv --assignments assegnazioni.csv --assessments valutazioni.csv
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { Role } from "../../entities/enums";
import { importPeople } from "../people/import-people";
import { withDatabase } from "./with-database";

const read = (file?: string) => (file ? readFileSync(file, "utf8") : null);

new Command("import:people")
  .option("--employees <file>", "matricola; nome; categoria")
  .option("--assignments <file>", "matricola; unita; dal; al; quota; categoria (held over those dates)")
  .option("--assessments <file>", "matricola; anno; punteggio")
  .action((options: { employees?: string; assignments?: string; assessments?: string }) =>
    withDatabase(async (dataSource) => {
      const counts = await importPeople(
        dataSource,
        { subject: `cli:${userInfo().username}`, roles: [Role.ADMIN], units: [] },
        {
          employees: read(options.employees),
          assignments: read(options.assignments),
          assessments: read(options.assessments),
        },
      );
      console.log(
        `Imported ${counts.employees} employees, ${counts.assignments} new or restated assignments, ${counts.assessments} assessments`,
      );
    }),
  )
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
