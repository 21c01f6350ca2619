import { isConnectionLost } from "./storage/connection-lost";

/** Stable codes a client can act on; the message says what to do in words a person understands. */
export enum ErrorCode {
  NOT_FOUND = "NOT_FOUND",
  INVALID_INPUT = "INVALID_INPUT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  CYCLE_CLOSED = "CYCLE_CLOSED",
  /** The database did not answer in time or cannot be written: a fault of the server, worth retrying later. */
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
}

/**
 * A refusal the domain explains: a stable code, a message, and details a client can act on (the
 * `field` of an invalid input, the closed `years`, the `requiredRoles`). It knows no transport: the
 * API edge (src/http/format-error.ts) turns it into a GraphQL error with these as extensions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} does not exist`);
export const invalidInput = (field: string, problem: string) =>
  new DomainError(ErrorCode.INVALID_INPUT, `${field}: ${problem}`, { field });

const TOO_SLOW = "the database took too long to answer (a table may be locked by a long operation)";

/** Driver codes of a database that is busy or cannot be written, rather than of a wrong statement. */
const UNAVAILABLE: Record<string, string> = {
  // By errno (mysql2 names no code for some): MariaDB's max_statement_time, MySQL's MAX_EXECUTION_TIME
  // (DATABASE_STATEMENT_TIMEOUT_SECONDS), a row lock waited for past innodb_lock_wait_timeout.
  1969: TOO_SLOW,
  3024: TOO_SLOW,
  1205: TOO_SLOW,
  // Another process held the SQLite file past SQLITE_BUSY_TIMEOUT_MS.
  SQLITE_BUSY: "the database file is locked by another process",
  SQLITE_READONLY: "the database file cannot be written (read-only file or folder)",
};

/** A database fault as SERVICE_UNAVAILABLE saying what to do; null for any other error. */
export function databaseUnavailable(error: unknown): DomainError | null {
  const driverError = ((error as { driverError?: unknown } | null)?.driverError ?? error) as {
    code?: unknown;
    errno?: unknown;
  } | null;
  const { code, errno } = driverError ?? {};
  // SQLITE_READONLY_DIRECTORY, SQLITE_BUSY_SNAPSHOT…: an extended code reads as its primary one.
  const reason =
    typeof errno === "number" && UNAVAILABLE[errno]
      ? UNAVAILABLE[errno]
      : typeof code === "string"
        ? UNAVAILABLE[code.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1")]
        : undefined;
  if (!reason && !isConnectionLost(driverError)) return null;
  return new DomainError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `The database is unavailable: ${reason ?? "the connection to it was lost"}. Try again in a few minutes; if it persists, tell the administrators.`,
  );
}
