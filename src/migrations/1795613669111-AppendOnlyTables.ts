import { MigrationInterface, QueryRunner } from "typeorm";
import { runForDialect } from "./dialect";

const APPEND_ONLY = ["audit_event", "measurement"];

/**
 * Audit events and measurements are append-only: the database itself refuses to update or delete
 * them, whatever code or hand-typed SQL tries. (Written by hand: TypeORM does not model triggers.)
 */
export class AppendOnlyTables1795613669111 implements MigrationInterface {
  name = "AppendOnlyTables1795613669111";

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mysql: APPEND_ONLY.flatMap((table) => ["UPDATE", "DELETE"].map((action) =>
        `CREATE TRIGGER \`${table}_no_${action.toLowerCase()}\` BEFORE ${action} ON \`${table}\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${table} is append-only'`)),
      sqlite: APPEND_ONLY.flatMap((table) => ["UPDATE", "DELETE"].map((action) =>
        `CREATE TRIGGER "${table}_no_${action.toLowerCase()}" BEFORE ${action} ON "${table}" BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)),
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const drops = APPEND_ONLY.flatMap((table) => ["update", "delete"].map((action) => `DROP TRIGGER IF EXISTS ${table}_no_${action}`));
    await runForDialect(queryRunner, { mysql: drops, sqlite: drops });
  }
}
