import { PeopleRow } from "./people-files";

/**
 * A row that repeats an earlier row of its file (same matricola; same matricola, unit and start;
 * same matricola and year), named with the line it repeats: read twice, it would count twice
 * (an assignment's days) or keep whichever came last without a word.
 */
export function repeats<T>(
  file: string,
  sheet: readonly PeopleRow[],
  read: ReadonlyArray<T | null>,
  field: string,
  keyOf: (row: T) => string,
  says: (row: T) => string,
): string[] {
  const firstLine = new Map<string, number>();
  return read.flatMap((row, i) => {
    if (row === null) return [];
    const key = keyOf(row);
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, sheet[i].line);
      return [];
    }
    return [`${file} line ${sheet[i].line}: ${field}: ${says(row)} è già alla riga ${first}`];
  });
}
