import { MigrationInterface, QueryRunner } from "typeorm";
import { changeCounterTriggers, dropChangeCounterTriggers } from "./change-counter";
import { runForDialect } from "./dialect";

/** The counter of the staff a year's eligibility is computed for (names as this migration writes them). */
export const PEOPLE_COUNTER = { name: "people", tables: ["employee", "assignment", "individual_assessment"] } as const;

/**
 * PeopleCounted: by hand (no entity changed). A `people` counter on the three tables a year's
 * eligibility reads that EveryWriteCounted left out, so that eligibility computed ahead of the
 * Nucleo's validation can be known to be current (src/incentives/prepared-eligibility.ts). A
 * trigger per row made a 150,000-person import 7-9 s slower, so on MySQL/MariaDB the triggers stand
 * aside while the session's bulk-write variable is set, and the import moves the counter once.
 */
export class PeopleCounted1796142000000 implements MigrationInterface {
  name = "PeopleCounted1796142000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(
      queryRunner,
      changeCounterTriggers(PEOPLE_COUNTER.name, PEOPLE_COUNTER.tables, { bulkWriters: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const drops = [
      ...dropChangeCounterTriggers(PEOPLE_COUNTER.tables),
      `DELETE FROM data_version WHERE name = '${PEOPLE_COUNTER.name}'`,
    ];
    await runForDialect(queryRunner, { mysql: drops, sqlite: drops });
  }
}
