import { QueryFailedError } from "typeorm";

/**
 * Whether a statement failed on a unique index (or primary key), on either database: MySQL and
 * MariaDB answer ER_DUP_ENTRY, SQLite a UNIQUE or PRIMARY KEY constraint failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
