/**
 * Triggers that make a table append-only: the database refuses UPDATE and DELETE on it. SQLite
 * drops a table's triggers when a migration rebuilds the table, so such migrations add them again.
 */
export function appendOnlyTriggers(table: string): { mysql: string[]; sqlite: string[] } {
  const actions = ["UPDATE", "DELETE"];
  return {
    mysql: actions.map(
      (action) =>
        `CREATE TRIGGER \`${table}_no_${action.toLowerCase()}\` BEFORE ${action} ON \`${table}\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${table} is append-only'`,
    ),
    sqlite: actions.map(
      (action) =>
        `CREATE TRIGGER "${table}_no_${action.toLowerCase()}" BEFORE ${action} ON "${table}" BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    ),
  };
}

export function dropAppendOnlyTriggers(table: string): string[] {
  return ["update", "delete"].map((action) => `DROP TRIGGER IF EXISTS ${table}_no_${action}`);
}
