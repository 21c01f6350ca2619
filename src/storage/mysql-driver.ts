import mysql2, { Pool, PoolConnection, PoolOptions, QueryError } from "mysql2";
import { isConnectionLost } from "./connection-lost";

export type MysqlFlavour = "mysql" | "mariadb";

type Callback = (error: QueryError | null, ...results: unknown[]) => void;
type QueryFn = (query: unknown, ...rest: unknown[]) => unknown;

/** The statement a query call carries: TypeORM passes a string, or `{ sql, timeout }`. */
const sqlOf = (query: unknown) => (typeof query === "string" ? query : ((query as { sql?: string })?.sql ?? ""));

/**
 * A read outside a transaction can run again on another connection with the same result; a write,
 * or anything inside a transaction (whose earlier statements died with the connection), cannot.
 */
const isIdempotentRead = (sql: string) =>
  /^\s*(SELECT|SHOW|WITH)\b/i.test(sql) && !/\bFOR\s+(UPDATE|SHARE)\b/i.test(sql);

/**
 * mysql2 as TypeORM uses it, with two guarantees on every pooled connection: the statement timeout
 * is set as it opens (MariaDB's max_statement_time in seconds, any statement; MySQL's
 * MAX_EXECUTION_TIME in milliseconds, SELECTs only), and a read that loses its connection (killed
 * on the server, a restart) is run once more on a fresh one instead of failing the request. The
 * pool itself drops a dead connection; what is retried is only the statement that was on it.
 */
export function resilientMysql(flavour: MysqlFlavour, timeoutSeconds: number) {
  const limit =
    timeoutSeconds <= 0
      ? null
      : flavour === "mariadb"
        ? `SET SESSION max_statement_time = ${timeoutSeconds}`
        : `SET SESSION MAX_EXECUTION_TIME = ${Math.round(timeoutSeconds * 1000)}`;
  return {
    ...mysql2,
    createPool(options: PoolOptions): Pool {
      const pool = mysql2.createPool(options);
      pool.on("connection", (connection) => {
        retryReadsOnce(pool, connection);
        // A connection that cannot take the limit is dropped rather than used without it.
        if (limit) connection.query(limit, (error) => error && connection.destroy());
      });
      return pool;
    },
  };
}

function retryReadsOnce(pool: Pool, connection: PoolConnection): void {
  const original = connection.query.bind(connection) as QueryFn;
  let inTransaction = false;
  (connection as unknown as { query: QueryFn }).query = (query: unknown, ...rest: unknown[]) => {
    const sql = sqlOf(query);
    if (/^\s*(START TRANSACTION|BEGIN)\b/i.test(sql)) inTransaction = true;
    else if (/^\s*(COMMIT|ROLLBACK)\s*$/i.test(sql)) inTransaction = false;
    const callback = rest[rest.length - 1];
    if (typeof callback !== "function" || inTransaction || !isIdempotentRead(sql)) return original(query, ...rest);
    const args = rest.slice(0, -1);
    return original(query, ...args, (error: QueryError | null, ...results: unknown[]) => {
      if (!error || !isConnectionLost(error)) return (callback as Callback)(error, ...results);
      pool.getConnection((unavailable, fresh) => {
        if (unavailable) return (callback as Callback)(error);
        fresh.query(query as string, ...(args as []), (retryError: QueryError | null, ...retried: unknown[]) => {
          fresh.release();
          (callback as Callback)(retryError, ...retried);
        });
      });
    });
  };
}
