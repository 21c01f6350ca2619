/**
 * Triggers that add one to a data_version row on every insert, update and delete of a table, so
 * that the count moves whatever writes the table (TypeORM does not model triggers).
 */
const ACTIONS = ["INSERT", "UPDATE", "DELETE"];

const triggerName = (table: string, action: string) => `${table}_counted_${action.toLowerCase()}`;

/**
 * On MySQL/MariaDB, a counter's triggers may stand aside while the writing session has set this
 * variable: a bulk writer (the people import) moves the counter once itself (countedOnce in
 * src/storage/counted-once.ts) instead of once per row. SQLite has no session variables: it counts
 * every row. Written here as the triggers hold it, whatever the application's constant becomes.
 */
const BULK_WRITE_VARIABLE = "@traguardo_bulk_write";

export interface CounterOptions {
  /** The triggers do nothing on MySQL/MariaDB while the session's BULK_WRITE_VARIABLE is set. */
  bulkWriters?: boolean;
}

/** The counter's row and the triggers that move it. */
export function changeCounterTriggers(
  name: string,
  tables: readonly string[],
  options: CounterOptions = {},
): { mysql: string[]; sqlite: string[] } {
  const triggers = countingTriggers(name, tables, options);
  return {
    mysql: [`INSERT INTO \`data_version\` (\`name\`, \`version\`) VALUES ('${name}', 0)`, ...triggers.mysql],
    sqlite: [`INSERT INTO "data_version" ("name", "version") VALUES ('${name}', 0)`, ...triggers.sqlite],
  };
}

/** Only the triggers, for a counter that exists: a new counted table, or one SQLite rebuilt. */
export function countingTriggers(
  name: string,
  tables: readonly string[],
  options: CounterOptions = {},
): { mysql: string[]; sqlite: string[] } {
  const pairs = tables.flatMap((table) => ACTIONS.map((action) => ({ table, action })));
  const count = `UPDATE \`data_version\` SET \`version\` = \`version\` + 1 WHERE \`name\` = '${name}'`;
  const body = options.bulkWriters ? `IF ${BULK_WRITE_VARIABLE} IS NULL THEN ${count}; END IF` : count;
  return {
    mysql: [
      ...pairs.map(
        ({ table, action }) =>
          `CREATE TRIGGER \`${triggerName(table, action)}\` AFTER ${action} ON \`${table}\` FOR EACH ROW ${body}`,
      ),
    ],
    sqlite: [
      ...pairs.map(
        ({ table, action }) =>
          `CREATE TRIGGER "${triggerName(table, action)}" AFTER ${action} ON "${table}" BEGIN UPDATE "data_version" SET "version" = "version" + 1 WHERE "name" = '${name}'; END`,
      ),
    ],
  };
}

export function dropChangeCounterTriggers(tables: readonly string[]): string[] {
  return tables.flatMap((table) => ACTIONS.map((action) => `DROP TRIGGER IF EXISTS ${triggerName(table, action)}`));
}
