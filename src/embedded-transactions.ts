import { DataSource } from "typeorm";

/**
 * Whether what a request read was committed. On the embedded SQLite every request shares the
 * server's one connection, so a request can read a transaction's rows, and its change counts,
 * before they are committed or rolled back: a kept answer could then hold rows that never were,
 * under counts a later write reaches again. On MySQL/MariaDB each statement takes a pooled
 * connection and reads only what was committed, so nothing needs watching.
 */
export interface TransactionWatch {
  /** A mark to compare with later; null while a transaction is open. */
  mark(): number | null;
  /** No transaction is open, and none began since the mark. */
  unchangedSince(mark: number): boolean;
}

const COMMITTED_READS: TransactionWatch = { mark: () => 0, unchangedSince: () => true };

export function watchTransactions(dataSource: DataSource): TransactionWatch {
  if (dataSource.options.type !== "better-sqlite3") return COMMITTED_READS;
  let begun = 0;
  dataSource.subscribers.push({
    beforeTransactionStart: () => {
      begun += 1;
    },
  });
  // better-sqlite3's own flag also sees a BEGIN sent as plain SQL.
  const open = () =>
    (dataSource.driver as unknown as { databaseConnection: { inTransaction: boolean } }).databaseConnection
      .inTransaction;
  return {
    mark: () => (open() ? null : begun),
    unchangedSince: (mark) => !open() && begun === mark,
  };
}
