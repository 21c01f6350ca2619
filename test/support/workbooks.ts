import ExcelJS from "exceljs";
import { DataSource } from "typeorm";
import { ActKind, PlanChangeReason, Role } from "../../entities/enums";
import { ActReference } from "../../src/plan/act-basis";
import { importPlan } from "../../src/plan-import/import-plan";
import { ImportFile } from "../../src/plan-import/sheets/read-files";
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

/** DD 2264/2019, the DG's act on the schede, is in Milan's plan. */
export const SCHEDE_ACT: ActReference = {
  kind: ActKind.DG_DETERMINATION,
  number: "2264",
  date: "2019-07-26",
  subject: null,
};

/** The template's example, with sheets replaced or left out, as the file an officer would send. */
export const exampleFile = async (sheets: Parameters<typeof milanExample>[0] = {}): Promise<ImportFile[]> => [
  { name: "schede.xlsx", content: await xlsx(milanExample(sheets)) },
];

/** Imports files as the planning office's administrator, by the act given. */
export function importFiles(dataSource: DataSource, files: ImportFile[], act = SCHEDE_ACT, dryRun = false) {
  return importPlan(dataSource, { subject: "ufficio.pianificazione", roles: [Role.ADMIN], units: [] }, files, {
    basis: { act, reason: PlanChangeReason.CHANGED_PRIORITIES, effectiveDate: null, annexPage: null, note: null },
    dryRun,
    jobKeys: ["payment-timeliness"],
  });
}
