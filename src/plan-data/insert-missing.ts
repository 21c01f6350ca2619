import { EntityManager, EntityTarget, In, ObjectLiteral } from "typeorm";

const CHUNK = 200;

export function uniqueBy<T>(rows: T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}

export async function ensureOne<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: Partial<E>,
  values: Partial<E>,
): Promise<E> {
  const found = await manager.findOneBy(entity, where);
  if (found) return found;
  await manager.insert(entity, values);
  return manager.findOneByOrFail(entity, where);
}

/** Inserts the rows whose key is not stored yet; returns the id of every key. */
export async function insertMissing<E extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  keyColumn: string,
  rows: Array<Record<string, unknown>>,
): Promise<{ inserted: number; ids: Map<string, number> }> {
  const keys = rows.map((r) => r[keyColumn] as string);
  const existing = await idsByKey(manager, entity, keyColumn, keys);
  const missing = rows.filter((r) => !existing.has(r[keyColumn] as string));
  for (let i = 0; i < missing.length; i += CHUNK) {
    await manager.insert(entity, missing.slice(i, i + CHUNK) as never);
  }
  return {
    inserted: missing.length,
    ids: missing.length ? await idsByKey(manager, entity, keyColumn, keys) : existing,
  };
}

export async function idsByKey<E extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  keyColumn: string,
  keys: string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const found = await manager.find(entity, {
      select: { id: true, [keyColumn]: true } as never,
      where: { [keyColumn]: In(unique.slice(i, i + CHUNK)) } as never,
    });
    for (const row of found) ids.set((row as Record<string, unknown>)[keyColumn] as string, row.id);
  }
  return ids;
}

/** Inserts rows in chunks, so a statement never carries more parameters than a driver takes. */
export async function insertInChunks<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await manager.insert(entity, rows.slice(i, i + CHUNK) as never);
}
