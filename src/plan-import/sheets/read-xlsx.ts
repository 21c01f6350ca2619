import ExcelJS from "exceljs";
import { ImportProblem } from "../problems";
import { CellValue, isBlank, ReadSheets, Sheet } from "./sheet";

/** The sheet that explains the template: read by people, never imported. */
export const INSTRUCTIONS_SHEET = "Istruzioni";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const NOT_A_WORKBOOK =
  "il file non è una cartella di lavoro Excel (.xlsx): salvatelo da Excel o LibreOffice come «Cartella di lavoro di Excel (.xlsx)»";

/**
 * Reads every sheet of an .xlsx file but the instructions: a formula by the result Excel saved, a
 * percentage cell as the per cent it shows (40% → 40), a date cell as a date. Merged cells,
 * formulas without a saved result and error values are problems: what they hold is not one value.
 */
export async function readXlsx(content: Buffer): Promise<ReadSheets> {
  const file = (message: string): ReadSheets => ({
    sheets: [],
    problems: [{ sheet: null, row: null, column: null, message }],
  });
  if (!content.subarray(0, 4).equals(ZIP_MAGIC)) return file(NOT_A_WORKBOOK);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; Node's is the same at run time.
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    return file(NOT_A_WORKBOOK);
  }
  if (workbook.worksheets.length === 0) return file(NOT_A_WORKBOOK);
  const problems: ImportProblem[] = [];
  const sheets = workbook.worksheets
    .filter((worksheet) => worksheet.name.trim().toLowerCase() !== INSTRUCTIONS_SHEET.toLowerCase())
    .map((worksheet) => readWorksheet(worksheet, problems));
  return { sheets, problems };
}

function readWorksheet(worksheet: ExcelJS.Worksheet, problems: ImportProblem[]): Sheet {
  const sheet: Sheet = { name: worksheet.name.trim(), headerRow: 0, headers: [], rows: [] };
  const mergedFrom = new Set<string>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    let unreadable = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const where = {
        sheet: sheet.name,
        row: rowNumber,
        column: sheet.headers[column - 1] || cell.address.replace(/\d+$/, ""),
      };
      if (cell.isMerged) {
        unreadable = true;
        if (!mergedFrom.has(cell.master.address))
          problems.push({
            ...where,
            message: `celle unite a partire da ${cell.master.address}: separate le celle e scrivete ogni valore nella sua`,
          });
        mergedFrom.add(cell.master.address);
        return;
      }
      const read = cellValue(cell);
      if (typeof read === "object" && read !== null && !(read instanceof Date)) {
        unreadable = true;
        problems.push({ ...where, message: read.problem });
      } else values[column - 1] = read;
    });
    const filled = Array.from(values, (v) => v ?? null);
    if (filled.every(isBlank)) return;
    if (sheet.headerRow === 0) {
      sheet.headerRow = rowNumber;
      sheet.headers = filled.map((v) => (isBlank(v) ? "" : String(v as string | number).trim()));
    } else sheet.rows.push({ row: rowNumber, values: filled, unreadable });
  });
  return sheet;
}

function cellValue(cell: ExcelJS.Cell): CellValue | { problem: string } {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return cell.numFmt?.includes("%") ? Number((value * 100).toPrecision(15)) : value;
  if (typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  if ("error" in value)
    return { problem: `la cella contiene l'errore ${value.error}: correggete la formula o il valore` };
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : value.hyperlink;
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null)
      return { problem: "la formula non ha un risultato salvato: aprite il file in Excel e salvatelo di nuovo" };
    if (typeof result === "object" && !(result instanceof Date))
      return { problem: `la formula dà l'errore ${result.error}: correggetela` };
    return typeof result === "number" && cell.numFmt?.includes("%") ? Number((result * 100).toPrecision(15)) : result;
  }
  return { problem: "la cella non contiene un valore leggibile" };
}
