/**
 * Imports the planning office's workbook of the schede, all or nothing:
 *   npm run import:plan -- schede.xlsx --act DG_DETERMINATION:2264:2019-07-26 [--subject "..."]
 *     [--reason CHANGED_PRIORITIES] [--effective-date 2019-08-01] [--note "..."] [--dry-run]
 * or CSV files named after the sheets (indicatori.csv fasi.csv ..., or a folder holding them).
 * Prints what was created, changed and removed per sheet; exits 1 listing every problem.
 */
import { Command, InvalidArgumentError } from "commander";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { ActKind, PlanChangeReason, Role } from "../../entities/enums";
import { jobKeys } from "../../jobs/registry";
import { loadConfig } from "../config";
import { ActReference } from "../plan/act-basis";
import { importPlan } from "../plan-import/import-plan";
import { describeProblem, PlanImportRejected } from "../plan-import/problems";
import { calendarDate, CellProblem } from "../plan-import/sheets/cells";
import { ImportFile, sizeProblem } from "../plan-import/sheets/read-files";
import { summaryLines } from "../plan-import/summary";
import { withDatabase } from "./with-database";

interface Options {
  act: Omit<ActReference, "subject">;
  subject?: string;
  reason: PlanChangeReason;
  effectiveDate?: string;
  note?: string;
  dryRun?: boolean;
}

const date = (value: string) => {
  try {
    return calendarDate(value)!;
  } catch (error) {
    throw new InvalidArgumentError((error as CellProblem).message);
  }
};

function act(value: string): Omit<ActReference, "subject"> {
  const [kind, number, day] = value.split(":");
  if (!(kind in ActKind) || !number || !day)
    throw new InvalidArgumentError(`scrivete TIPO:NUMERO:DATA, con TIPO uno di ${Object.keys(ActKind).join(", ")}`);
  return { kind: kind as ActKind, number, date: date(day) };
}

function reason(value: string): PlanChangeReason {
  if (!(value in PlanChangeReason))
    throw new InvalidArgumentError(`uno di ${Object.keys(PlanChangeReason).join(", ")}`);
  return value as PlanChangeReason;
}

/** The files named, a folder standing for the CSV files in it; each refused unread if too large. */
function readFiles(paths: string[]): ImportFile[] {
  const missing = paths.find((path) => !existsSync(path));
  if (missing) throw new Error(`${missing}: file non trovato`);
  const files = paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.toLowerCase().endsWith(".csv"))
          .map((name) => join(path, name))
      : [path],
  );
  const tooLarge = sizeProblem(files.reduce((sum, file) => sum + statSync(file).size, 0));
  if (tooLarge) throw new PlanImportRejected([tooLarge]);
  return files.map((file) => ({ name: file, content: readFileSync(file) }));
}

new Command("import:plan")
  .argument("<files...>", "un file .xlsx, o file .csv con il nome dei fogli (o la cartella che li contiene)")
  .requiredOption(
    "--act <TIPO:NUMERO:DATA>",
    "l'atto che approva le schede, ad esempio DG_DETERMINATION:2264:2019-07-26",
    act,
  )
  .option("--subject <oggetto>", "l'oggetto dell'atto, se non è ancora registrato")
  .option(
    "--reason <motivo>",
    "REORGANISATION, CHANGED_PRIORITIES, REGULATORY o FORM_ONLY",
    reason,
    PlanChangeReason.CHANGED_PRIORITIES,
  )
  .option("--effective-date <data>", "da quando valgono i cambiamenti (predefinita: la data dell'atto)", date)
  .option("--note <nota>", "una nota registrata con ogni cambiamento")
  .option("--dry-run", "controlla e dice che cosa cambierebbe, senza scrivere nulla")
  .action((paths: string[], options: Options) =>
    withDatabase(
      async (dataSource) => {
        const summary = await importPlan(
          dataSource,
          { subject: `cli:${userInfo().username}`, roles: [Role.ADMIN], units: [] },
          readFiles(paths),
          {
            basis: {
              act: { ...options.act, subject: options.subject ?? null },
              reason: options.reason,
              effectiveDate: options.effectiveDate ?? null,
              annexPage: null,
              note: options.note ?? null,
            },
            dryRun: options.dryRun ?? false,
            jobKeys: jobKeys(loadConfig()),
          },
        );
        console.log(summaryLines(summary).join("\n"));
      },
      { plan: false },
    ),
  )
  .parseAsync()
  .catch((error: Error) => {
    if (error instanceof PlanImportRejected) {
      const count = error.problems.length;
      console.error(`Nulla è stato importato: ${count === 1 ? "un problema" : `${count} problemi`}.`);
      for (const problem of error.problems) console.error(`- ${describeProblem(problem)}`);
    } else console.error(error.message);
    process.exit(1);
  });
