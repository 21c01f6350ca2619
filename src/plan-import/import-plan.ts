import { DataSource } from "typeorm";
import { Caller } from "../auth/caller";
import { PlanImportRejected } from "./problems";
import { parsePlanWorkbook } from "./sheets/parse-workbook";
import { ImportFile, readPlanFiles } from "./sheets/read-files";
import { storeWorkbook, StoreOptions } from "./store/store-workbook";
import { PlanImportSummary } from "./summary";

/**
 * Imports the planning office's workbook (one .xlsx, or CSV files named after its sheets), all or
 * nothing: the file is read and checked on its own first, then against the plan in one
 * transaction. Any problem refuses the whole file, naming each problem's sheet, row and column.
 */
export async function importPlan(
  dataSource: DataSource,
  caller: Caller,
  files: readonly ImportFile[],
  options: Omit<StoreOptions, "fileName">,
): Promise<PlanImportSummary> {
  const { workbook, problems } = parsePlanWorkbook(await readPlanFiles(files));
  if (problems.length) throw new PlanImportRejected(problems);
  return storeWorkbook(dataSource, caller, workbook, { ...options, fileName: files.map((f) => f.name).join(", ") });
}
