import { EntityManager } from "typeorm";
import { BULK_WRITE_VARIABLE } from "../../entities/data-version.entity";

/**
 * Runs a bulk write in the caller's transaction with a counter moved once instead of once per row:
 * on MySQL/MariaDB the counter's triggers stand aside while the session's bulk-write variable is
 * set (migration PeopleCounted), and the counter moves in the same transaction, so it commits or
 * rolls back with the rows. The variable is cleared however the work ends: the connection goes back
 * to the pool. SQLite's triggers count every row, and nothing is set.
 */
export async function countedOnce<T>(manager: EntityManager, counter: string, work: () => Promise<T>): Promise<T> {
  if (manager.connection.options.type === "better-sqlite3") return work();
  await manager.query(`SET ${BULK_WRITE_VARIABLE} = 1`);
  try {
    const result = await work();
    await manager.query("UPDATE `data_version` SET `version` = `version` + 1 WHERE `name` = ?", [counter]);
    return result;
  } finally {
    await manager.query(`SET ${BULK_WRITE_VARIABLE} = NULL`);
  }
}
