/**
 * Triggers that add one to a data_version row on every insert, update and delete of a table, so
 * that the count moves whatever writes the table (TypeORM does not model triggers).
 */
const ACTIONS = ["INSERT", "UPDATE", "DELETE"];

const triggerName = (table: string, action: string) => `${table}_counted_${action.toLowerCase()}`;

/** The counter's row and the triggers that move it. */
export function changeCounterTriggers(name: string, tables: readonly string[]): { mysql: string[]; sqlite: string[] } {
  const triggers = countingTriggers(name, tables);
  return {
    mysql: [`INSERT INTO \`data_version\` (\`name\`, \`version\`) VALUES ('${name}', 0)`, ...triggers.mysql],
    sqlite: [`INSERT INTO "data_version" ("name", "version") VALUES ('${name}', 0)`, ...triggers.sqlite],
  };
}

/** Only the triggers, for a counter that exists: a new counted table, or one SQLite rebuilt. */
export function countingTriggers(name: string, tables: readonly string[]): { mysql: string[]; sqlite: string[] } {
  const pairs = tables.flatMap((table) => ACTIONS.map((action) => ({ table, action })));
  return {
    mysql: [
      ...pairs.map(
        ({ table, action }) =>
          `CREATE TRIGGER \`${triggerName(table, action)}\` AFTER ${action} ON \`${table}\` FOR EACH ROW UPDATE \`data_version\` SET \`version\` = \`version\` + 1 WHERE \`name\` = '${name}'`,
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
