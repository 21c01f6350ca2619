import ExcelJS from "exceljs";
import { CellValue } from "../../src/plan-import/sheets/sheet";
import { WorkbookContent, writePlanWorkbook } from "../../src/plan-import/sheets/write-workbook";
import { templateContent } from "../../src/plan-import/template-workbook";

type Rows = Array<Record<string, CellValue>>;

/** The template's worked example (Milan's DIR-EDU-2019-9), with sheets replaced or left out (undefined). */
export function milanExample(sheets: Record<string, Rows | undefined> = {}): WorkbookContent {
  const content = templateContent();
  const rows = { ...content.rows };
  for (const [name, replaced] of Object.entries(sheets)) rows[name] = replaced;
  return { ...content, rows };
}

/** The example's rows of a sheet, each changed by `edit`. */
export function exampleRows(sheet: string, ...edits: Array<Record<string, CellValue>>): Rows {
  const [row] = templateContent().rows[sheet]!;
  return edits.map((edit) => ({ ...row, ...edit }));
}

export const xlsx = (content: WorkbookContent) => writePlanWorkbook(content);

/** The same workbook with cells merged, as a person does in Excel. */
export async function withMergedCells(file: Buffer, sheet: string, range: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  workbook.getWorksheet(sheet)!.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
