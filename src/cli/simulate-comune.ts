/**
 * Writes the GENERATED Comune di Esempio (not real data) in the template's workbook:
 *   npm run simulate:comune [-- --out data/generated/comune-esempio.xlsx]
 */
import { Command } from "commander";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writePlanWorkbook } from "../plan-import/sheets/write-workbook";
import { projectRoot } from "../project-root";
import { comuneEsempioContent } from "../simulate/comune-esempio";

new Command("simulate:comune")
  .option("--out <file>", "where to write it", join(projectRoot(), "data", "generated", "comune-esempio.xlsx"))
  .action(async (options: { out: string }) => {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, await writePlanWorkbook(comuneEsempioContent()));
    console.log(`Scritto ${options.out} (GENERATED, dati inventati)`);
  })
  .parseAsync()
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
