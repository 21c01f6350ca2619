import { invalidInput } from "./errors";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Cursors are opaque to clients; inside they are the sort key (position, id) of the last node served. */
export function encodeCursor(sortKey: number): string {
  return Buffer.from(`after:${sortKey}`).toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const match = /^after:(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw invalidInput("after", "is not a cursor this API gave out (use pageInfo.endCursor)");
  return Number(match[1]);
}

export function pageSize(first: number | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw invalidInput("first", `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** IDs are decimal row numbers; anything else is refused before it reaches the database. */
export function parseId(field: string, id: string): number {
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2147483647) throw invalidInput(field, `"${id}" is not a valid id`);
  return Number(id);
}
