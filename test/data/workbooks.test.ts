import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { WorkbookContent, writePlanWorkbook } from "../../src/plan-import/sheets/write-workbook";
import { templateContent } from "../../src/plan-import/template-workbook";
import { projectRoot } from "../../src/project-root";
import { comuneEsempioContent } from "../../src/simulate/comune-esempio";

/** Every sheet's cell values, the instructions included: what a person sees, not the zip's bytes. */
async function cells(file: Buffer): Promise<Record<string, unknown[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const rows: unknown[] = [];
      sheet.eachRow((row) => rows.push(row.values));
      return [sheet.name, rows];
    }),
  );
}

const shipped: Array<[string, () => WorkbookContent, string]> = [
  ["the template", templateContent, "data/templates/schede-modello.xlsx"],
  ["the GENERATED Comune di Esempio", comuneEsempioContent, "data/generated/comune-esempio.xlsx"],
];

describe.each(shipped)("%s as committed", (_name, content, path) => {
  it(`is what its command writes (${path})`, async () => {
    const committed = readFileSync(join(projectRoot(), path));
    expect(await cells(committed)).toEqual(await cells(await writePlanWorkbook(content())));
  });
});
