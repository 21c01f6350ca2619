import { SelectQueryBuilder } from "typeorm";
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

export interface Page<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/**
 * One page of a filtered query, ordered on an integer key (ids ascending or descending), with
 * the total over every page. `after` is the endCursor of the previous page.
 */
export async function pageByKey<T extends { id: number }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  order: "ASC" | "DESC",
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<T>> {
  const size = pageSize(first ?? undefined);
  const totalCount = await query.getCount();
  if (after != null)
    query.andWhere(`${alias}.id ${order === "ASC" ? ">" : "<"} :after`, { after: decodeCursor(after) });
  const rows = await query
    .orderBy(`${alias}.id`, order)
    .take(size + 1)
    .getMany();
  const nodes = rows.slice(0, size);
  return {
    totalCount,
    nodes,
    pageInfo: {
      endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null,
      hasNextPage: rows.length > size,
    },
  };
}
