import { ImportProblem } from "../problems";
import { readCsvFiles } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { ReadSheets } from "./sheet";

export interface ImportFile {
  name: string;
  content: Buffer;
}

/** Far above a whole plan's schede (a 400-objective plan is under 1 MB); a bigger file is refused unread. */
export const MAX_IMPORT_BYTES = 10 * 2 ** 20;

const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1).replace(".", ",");

/** The problem with files this large, before anything reads them; null when they fit. */
export function sizeProblem(bytes: number, limit = MAX_IMPORT_BYTES): ImportProblem | null {
  return bytes <= limit
    ? null
    : {
        sheet: null,
        row: null,
        column: null,
        message: `il file pesa ${megabytes(bytes)} MB, oltre il limite di ${megabytes(limit)} MB: non è stato letto. Dividete le schede in più file`,
      };
}

/** One .xlsx workbook, or CSV files named after its sheets. */
export async function readPlanFiles(files: readonly ImportFile[], limit = MAX_IMPORT_BYTES): Promise<ReadSheets> {
  const refuse = (message: string): ReadSheets => ({
    sheets: [],
    problems: [{ sheet: null, row: null, column: null, message }],
  });
  if (files.length === 0) return refuse("nessun file da importare");
  const tooLarge = sizeProblem(
    files.reduce((sum, f) => sum + f.content.length, 0),
    limit,
  );
  if (tooLarge) return { sheets: [], problems: [tooLarge] };
  const kind = (name: string) => /\.(xlsx|csv)$/i.exec(name)?.[1].toLowerCase() ?? null;
  const unknown = files.find((f) => kind(f.name) === null);
  if (unknown) return refuse(`${unknown.name}: si importa un file .xlsx, o file .csv che portano il nome di un foglio`);
  if (files.some((f) => kind(f.name) === "xlsx")) {
    if (files.length > 1) return refuse("si importa un file .xlsx alla volta, senza altri file");
    return readXlsx(files[0].content);
  }
  return readCsvFiles(files);
}
