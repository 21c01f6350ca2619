import type { Connection as MysqlConnection, ExecuteValues } from "mysql2";
import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, QueryFailedError } from "typeorm";
import { Driver } from "typeorm/driver/Driver";
import { MysqlQueryRunner } from "typeorm/driver/mysql/MysqlQueryRunner";

/** Below SQLite's limit of bound parameters in one statement (32,766) and MySQL's of a prepared one (65,535). */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1_000;

type Send = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * On MySQL and MariaDB, a statement prepared on the transaction's connection and executed with
 * binary parameters: the server does not parse the values as text. For the 150,000 rows a
 * validation freezes, MariaDB's own CPU fell from 2.1 s to 1.2-1.5 s (and the client's escaping
 * went). Elsewhere (SQLite prepares every statement anyway), the manager's query.
 */
async function sender(manager: EntityManager): Promise<{ send: Send; done: () => void }> {
  if (!(manager.queryRunner instanceof MysqlQueryRunner)) return { send: (sql, p) => manager.query(sql, p), done() {} };
  const connection = (await manager.queryRunner.connect()) as MysqlConnection;
  const prepared = new Set<string>();
  return {
    send: (sql, parameters) =>
      new Promise((resolve, reject) => {
        prepared.add(sql);
        // Logged as the manager's own statements are (without the thousands of values), so query logs and counts see it.
        manager.connection.logger.logQuery(sql, undefined, manager.queryRunner);
        // A QueryFailedError as TypeORM's own statements fail, without the thousands of values.
        connection.execute(sql, parameters as ExecuteValues[], (error, result) =>
          error ? reject(new QueryFailedError(sql, undefined, error)) : resolve(result),
        );
      }),
    // The connection goes back to the pool: its prepared statements are not left open on the server.
    done: () => prepared.forEach((sql) => connection.unprepare(sql)),
  };
}

/** The rows `count` at a time, taken from the iterator only as each batch is wanted. */
function* batches<T>(first: T, rest: Iterator<T>, count: number): Generator<T[]> {
  let batch = [first];
  for (let next = rest.next(); !next.done; next = rest.next()) {
    if (batch.length === count) {
      yield batch;
      batch = [];
    }
    batch.push(next.value);
  }
  yield batch;
}

/**
 * Rows of an entity written in multi-row INSERTs of plain SQL, in the caller's transaction (on
 * MySQL they go on its connection): each value prepared for its column as TypeORM's insert
 * builder prepares it, sent as a positional parameter. The insert builder names, registers and
 * escapes every parameter on its own, which for the 150,000 eligibilities a validation freezes
 * took about 10 s of CPU (getParameters, hasParameter, escapeQueryWithParameters). Every row
 * gives the properties of the first (null where empty); no ids are read back. The rows are taken
 * from `rows` a statement at a time, so that a generator makes each batch while the database
 * writes the one before.
 */
export async function insertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Iterable<Partial<E>>,
): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error("insertRows writes in the caller's transaction");
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return;
  const driver = manager.connection.driver;
  const { columns, perStatement, head, tuple } = statementFor(
    manager.connection.getMetadata(entity),
    driver,
    Object.keys(first.value),
  );
  const { send, done } = await sender(manager);
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for (const batch of batches(first.value, iterator, perStatement)) {
      const parameters: unknown[] = [];
      for (const row of batch)
        for (const column of columns)
          parameters.push(driver.preparePersistentValue(row[column.propertyName] ?? null, column));
      const sql = head + new Array(batch.length).fill(tuple).join(", ");
      await writing;
      writing = send(sql, parameters);
    }
    await writing;
  } catch (error) {
    // Not before the statement under way has ended: the transaction is rolled back next.
    await writing.catch(() => undefined);
    throw error;
  } finally {
    done();
  }
}

/** The INSERT's head, one row's placeholders and the rows a statement takes, for the properties given. */
function statementFor(metadata: EntityMetadata, driver: Driver, properties: string[]) {
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  });
  return {
    columns,
    perStatement: Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)),
    head: `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES `,
    tuple: `(${columns.map(() => "?").join(", ")})`,
  };
}
