import { EntityManager } from "typeorm";
import { ATTAINMENT_INPUTS, DataVersion } from "../entities/data-version.entity";

/** Every change counter by name, as read in one statement. */
export type DataVersions = ReadonlyMap<string, number>;

/**
 * The counts of changes to every counted table, in one statement: equal counts mean no counted
 * row changed in between, whichever process or replica wrote it. Read on `manager`: inside a
 * transaction, as that transaction sees them.
 */
export async function readDataVersions(manager: EntityManager): Promise<DataVersions> {
  const rows = await manager.createQueryBuilder(DataVersion, "v").select(["v.name", "v.version"]).getMany();
  if (!rows.some((row) => row.name === ATTAINMENT_INPUTS))
    throw new Error(`data_version has no "${ATTAINMENT_INPUTS}" row: the database's migrations have not all run`);
  return new Map(rows.map((row) => [row.name, row.version]));
}

/** The versions as one text, for a cache key. */
export function versionsKey(versions: DataVersions): string {
  return [...versions]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, version]) => `${name}=${version}`)
    .join(",");
}
