/**
 * Driver errors of a connection that died under a statement (killed on the server, a restart, a
 * network cut), as opposed to a statement the server refused: errno 1927 (MariaDB's "connection was
 * killed"), 2006 and 2013 (server gone, lost during query), and mysql2's own codes for a socket
 * closed or reset.
 */
const LOST_ERRNOS = new Set([1927, 2006, 2013]);
const LOST_CODES = new Set(["PROTOCOL_CONNECTION_LOST", "ECONNRESET", "EPIPE", "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR"]);

export function isConnectionLost(error: unknown): boolean {
  const { code, errno, fatal } = (error ?? {}) as { code?: unknown; errno?: unknown; fatal?: unknown };
  return (
    (typeof errno === "number" && LOST_ERRNOS.has(errno)) ||
    (typeof code === "string" && LOST_CODES.has(code)) ||
    // "Can't add new command when connection is in closed state": mysql2 gives it no code.
    (fatal === true && code === undefined)
  );
}
