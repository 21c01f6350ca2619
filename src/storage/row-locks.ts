import { EntityManager, QueryFailedError } from "typeorm";

/**
 * Row locks on MySQL and MariaDB. SQLite takes none: it lets one writer at a time hold the whole
 * file, which already serialises what these locks order.
 */
export const takesRowLocks = (manager: EntityManager) => manager.connection.options.type !== "better-sqlite3";

/**
 * The clause of a shared lock that refuses at once, rather than waiting, when another transaction
 * holds (or waits for) the row exclusively. MariaDB has no FOR SHARE, MySQL 8 no NOWAIT after
 * LOCK IN SHARE MODE.
 */
export const shareNowait = (manager: EntityManager) =>
  manager.connection.options.type === "mariadb" ? "LOCK IN SHARE MODE NOWAIT" : "FOR SHARE NOWAIT";

/** Whether a NOWAIT locking read was refused because another transaction held the row: MariaDB 1205, MySQL 3572. */
export function isLockRefused(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const errno = (error.driverError as { errno?: unknown } | undefined)?.errno;
  return errno === 1205 || errno === 3572;
}
