import { MigrationInterface, QueryRunner } from "typeorm";
import { appendOnlyTriggers, dropAppendOnlyTriggers } from "./append-only";
import { runForDialect } from "./dialect";

const APPEND_ONLY = ["audit_event", "measurement"];

/**
 * Audit events and measurements are append-only: the database itself refuses to update or delete
 * them, whatever code or hand-typed SQL tries. (Written by hand: TypeORM does not model triggers.)
 */
export class AppendOnlyTables1795613669111 implements MigrationInterface {
  name = "AppendOnlyTables1795613669111";

  async up(queryRunner: QueryRunner): Promise<void> {
    const triggers = APPEND_ONLY.map(appendOnlyTriggers);
    await runForDialect(queryRunner, {
      mysql: triggers.flatMap((t) => t.mysql),
      sqlite: triggers.flatMap((t) => t.sqlite),
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const drops = APPEND_ONLY.flatMap(dropAppendOnlyTriggers);
    await runForDialect(queryRunner, { mysql: drops, sqlite: drops });
  }
}
