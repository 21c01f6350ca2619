import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { italianCsv } from "../csv/write-italian-csv";
import { roundForDisplay } from "../display-decimal";
import { TransparencyTable } from "./transparency-tables";

/**
 * Writes each table as an Italian CSV (`<name>.csv`, its header first, as open data is read) and
 * all of them as the sheets of one workbook (`trasparenza-<year>.xlsx`, each under its title),
 * figures there as numbers rounded to the cent half away from zero. Answers the files written.
 */
export async function writeTransparencyFiles(
  year: number,
  tables: TransparencyTable[],
  folder: string,
): Promise<string[]> {
  const written: string[] = [];
  for (const table of tables) {
    const file = join(folder, `${table.name}.csv`);
    writeFileSync(file, italianCsv([table.headers, ...table.rows]));
    written.push(file);
  }
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    // Sheet names are at most 31 characters.
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow([table.title]).font = { bold: true };
    sheet.addRow(table.headers).font = { bold: true };
    table.rows.forEach((row, r) => {
      const added = sheet.addRow(
        row.map((cell, c) => {
          const value = table.values[r][c];
          return value === null ? cell : Number(roundForDisplay(value, 2));
        }),
      );
      added.eachCell((cell) => {
        if (typeof cell.value === "number") cell.numFmt = "#,##0.00";
      });
    });
    sheet.columns.forEach((column) => (column.width = 28));
  }
  const file = join(folder, `trasparenza-${year}.xlsx`);
  await workbook.xlsx.writeFile(file);
  written.push(file);
  return written;
}
