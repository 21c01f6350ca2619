import { QueryRunner } from "typeorm";

/** Runs the statements written for the connected database's SQL dialect. */
export async function runForDialect(
  queryRunner: QueryRunner,
  statements: { mysql: readonly string[]; sqlite: readonly string[] },
): Promise<void> {
  const type = queryRunner.connection.options.type;
  const list = type === "mysql" || type === "mariadb" ? statements.mysql : statements.sqlite;
  for (const statement of list) await queryRunner.query(statement);
}
