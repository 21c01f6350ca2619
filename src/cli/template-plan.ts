/**
 * Writes the template of the schede workbook, with its Istruzioni sheet and a worked example row
 * per sheet:
 *   npm run template:plan [-- --out data/templates/schede-modello.xlsx]
 */
import { Command } from "commander";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writePlanWorkbook } from "../plan-import/sheets/write-workbook";
import { templateContent } from "../plan-import/template-workbook";
import { projectRoot } from "../project-root";

new Command("template:plan")
  .option("--out <file>", "where to write it", join(projectRoot(), "data", "templates", "schede-modello.xlsx"))
  .action(async (options: { out: string }) => {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, await writePlanWorkbook(templateContent()));
    console.log(`Scritto ${options.out}`);
  })
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
