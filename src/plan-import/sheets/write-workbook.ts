import ExcelJS from "exceljs";
import { INSTRUCTIONS_SHEET } from "./read-xlsx";
import { CellValue } from "./sheet";
import { ColumnSpec, KPIS, SheetSpec, SHEETS, TARGET_COLUMNS } from "./template";

/** Each sheet's rows by sheet name, each row by header; a sheet left out of the content is left out of the file. */
export type SheetRows = Partial<Record<string, Array<Record<string, CellValue>>>>;

export interface WorkbookContent {
  /** The plan years the Indicatori sheet has target columns for. */
  years: number[];
  /** Lines opening the Istruzioni sheet. */
  introduction: string[];
  rows: SheetRows;
}

/** A fixed date, so writing the same content twice gives the same file. */
const WRITTEN = new Date(Date.UTC(2019, 0, 1));

/** The headers of a sheet as the template lays it out: for Indicatori, each plan year's target columns after the fixed ones. */
export function headersOf(spec: SheetSpec, years: readonly number[]): string[] {
  const fixed = Object.values(spec.columns).map((c) => c.header);
  if (spec !== KPIS) return fixed;
  return [...fixed, ...years.flatMap((year) => Object.values(TARGET_COLUMNS).map((c) => c.header(year)))];
}

/** An .xlsx in the template's layout: the Istruzioni sheet, then each sheet with its header and rows. */
export async function writePlanWorkbook(content: WorkbookContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Traguardo";
  workbook.created = WRITTEN;
  workbook.modified = WRITTEN;
  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), content);
  for (const spec of SHEETS) {
    const rows = content.rows[spec.name];
    if (!rows) continue;
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
    const headers = headersOf(spec, content.years);
    sheet.columns = headers.map((header) => ({ header, key: header, width: Math.max(12, header.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(Object.fromEntries(headers.map((h) => [h, row[h] ?? null])));
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = "dd/mm/yyyy";
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeInstructions(sheet: ExcelJS.Worksheet, content: WorkbookContent): void {
  sheet.columns = [{ width: 14 }, { width: 26 }, { width: 13 }, { width: 110 }];
  for (const line of content.introduction) sheet.addRow([line]);
  sheet.addRow([]);
  const header = sheet.addRow(["Foglio", "Colonna", "Obbligatoria", "Che cosa scrivere"]);
  header.font = { bold: true };
  const describe = (spec: SheetSpec, column: ColumnSpec) =>
    sheet.addRow([spec.name, column.header, column.required ? "sì" : "no", column.help]);
  for (const spec of SHEETS) {
    sheet.addRow([spec.name, "", "", spec.help]).font = { italic: true };
    for (const column of Object.values(spec.columns)) describe(spec, column);
    if (spec === KPIS)
      for (const column of Object.values(TARGET_COLUMNS))
        describe(spec, { header: column.header(0).replace(/0$/, "AAAA"), required: false, help: column.help });
  }
  sheet.getColumn(4).alignment = { wrapText: true, vertical: "top" };
}
