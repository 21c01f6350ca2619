import { MigrationInterface, QueryRunner } from "typeorm";
import { appendOnlyTriggers, dropAppendOnlyTriggers } from "./append-only";
import { countingTriggers } from "./change-counter";
import { runForDialect } from "./dialect";

const COLUMNS = `"id", "day", "monitoringDate", "unitId", "recipient", "items", "fingerprint", "status", "attempts", "reason", "recordedAt"`;

/**
 * PublicationReminders: a reminder has a kind (MONITORING, or PUBLICATION to the administrators,
 * with no unit). Written by hand from the generator's output, which repeated the SQLite rebuild
 * three times and re-created MariaDB's index the foreign key holds; the SQLite rebuild drops the
 * append-only and change-counting triggers of `reminder`, so they are created again (MariaDB keeps them).
 */
export class PublicationReminders1796141745061 implements MigrationInterface {
  name = "PublicationReminders1796141745061";

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mysql: PublicationReminders1796141745061.mysqlUp,
      sqlite: [
        ...PublicationReminders1796141745061.sqliteUp,
        ...appendOnlyTriggers("reminder").sqlite,
        ...countingTriggers("job-runs", ["reminder"]).sqlite,
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mysql: PublicationReminders1796141745061.mysqlDown,
      sqlite: [
        ...PublicationReminders1796141745061.sqliteDown,
        ...appendOnlyTriggers("reminder").sqlite,
        ...countingTriggers("job-runs", ["reminder"]).sqlite,
      ],
    });
  }

  static readonly mysqlUp = [
    "ALTER TABLE `reminder` ADD `kind` varchar(16) NOT NULL DEFAULT 'MONITORING'",
    "ALTER TABLE `reminder` DROP FOREIGN KEY `FK_7ac6dbd31cdf58f878ca472c284`",
    "ALTER TABLE `reminder` MODIFY `unitId` int NULL",
    "ALTER TABLE `reminder` ADD CONSTRAINT `FK_7ac6dbd31cdf58f878ca472c284` FOREIGN KEY (`unitId`) REFERENCES `org_unit`(`id`) ON DELETE NO ACTION ON UPDATE NO ACTION",
  ];

  /** Back to a unit on every reminder: refused while a publication reminder exists (the table is append-only). */
  static readonly mysqlDown = [
    "ALTER TABLE `reminder` DROP FOREIGN KEY `FK_7ac6dbd31cdf58f878ca472c284`",
    "ALTER TABLE `reminder` MODIFY `unitId` int NOT NULL",
    "ALTER TABLE `reminder` ADD CONSTRAINT `FK_7ac6dbd31cdf58f878ca472c284` FOREIGN KEY (`unitId`) REFERENCES `org_unit`(`id`) ON DELETE NO ACTION ON UPDATE NO ACTION",
    "ALTER TABLE `reminder` DROP COLUMN `kind`",
  ];

  static readonly sqliteUp = [
    ...dropAppendOnlyTriggers("reminder"),
    'DROP INDEX "IDX_b4df2cc7d7003a982e867fd26d"',
    `CREATE TABLE "temporary_reminder" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "day" date NOT NULL, "monitoringDate" date NOT NULL, "unitId" integer, "recipient" varchar(254), "items" text NOT NULL, "fingerprint" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL, "reason" text, "recordedAt" datetime(3) NOT NULL, "kind" varchar(16) NOT NULL DEFAULT ('MONITORING'), CONSTRAINT "FK_7ac6dbd31cdf58f878ca472c284" FOREIGN KEY ("unitId") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    `INSERT INTO "temporary_reminder"(${COLUMNS}) SELECT ${COLUMNS} FROM "reminder"`,
    'DROP TABLE "reminder"',
    'ALTER TABLE "temporary_reminder" RENAME TO "reminder"',
    'CREATE INDEX "IDX_b4df2cc7d7003a982e867fd26d" ON "reminder" ("unitId", "day") ',
  ];

  static readonly sqliteDown = [
    ...dropAppendOnlyTriggers("reminder"),
    'DROP INDEX "IDX_b4df2cc7d7003a982e867fd26d"',
    `CREATE TABLE "temporary_reminder" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "day" date NOT NULL, "monitoringDate" date NOT NULL, "unitId" integer NOT NULL, "recipient" varchar(254), "items" text NOT NULL, "fingerprint" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, "attempts" integer NOT NULL, "reason" text, "recordedAt" datetime(3) NOT NULL, CONSTRAINT "FK_7ac6dbd31cdf58f878ca472c284" FOREIGN KEY ("unitId") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    `INSERT INTO "temporary_reminder"(${COLUMNS}) SELECT ${COLUMNS} FROM "reminder"`,
    'DROP TABLE "reminder"',
    'ALTER TABLE "temporary_reminder" RENAME TO "reminder"',
    'CREATE INDEX "IDX_b4df2cc7d7003a982e867fd26d" ON "reminder" ("unitId", "day") ',
  ];
}
