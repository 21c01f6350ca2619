import { DomainError, ErrorCode } from "../errors";

/**
 * What is wrong with an imported file, where a planning officer will look for it: the sheet, the
 * spreadsheet's own row number (or the CSV file's line), the column header, and what to do, in
 * Italian. Sheet, row and column are null where the problem is the file's or the act's.
 */
export interface ImportProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/** `Indicatori, riga 14, colonna "peso": i pesi dell'obiettivo DIR-EDU-2019-3 sommano a 90, non a 100` */
export function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.sheet,
    problem.row === null ? null : `riga ${problem.row}`,
    problem.column === null ? null : `colonna "${problem.column}"`,
  ].filter((part) => part !== null);
  if (where.length) return `${where.join(", ")}: ${problem.message}`;
  return problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
}

/** Enough for any real sheet; beyond it the answer would be a wall nobody reads. */
const LISTED = 1000;

/** The file was not imported: nothing was written, and every problem found is listed. */
export class PlanImportRejected extends DomainError {
  constructor(readonly problems: ImportProblem[]) {
    super(
      ErrorCode.INVALID_INPUT,
      `Nulla è stato importato: ${problems.length === 1 ? "un problema" : `${problems.length} problemi`} nel file. ` +
        problems.slice(0, 10).map(describeProblem).join("; ") +
        (problems.length > 10 ? `; … (altri ${problems.length - 10})` : ""),
      { problems: problems.slice(0, LISTED) },
    );
  }
}
