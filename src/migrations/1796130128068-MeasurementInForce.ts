import { MigrationInterface, QueryRunner } from "typeorm";
import { appendOnlyTriggers, dropAppendOnlyTriggers } from "./append-only";
import { ATTAINMENT_INPUTS } from "./1795621365356-AttainmentInputsVersion";
import { countingTriggers } from "./change-counter";
import { runForDialect } from "./dialect";

/**
 * MeasurementInForce: one unique index holds "one value in force per KPI, period, unit and part"
 * and "a row is superseded at most once" (see docs/decisions.md, Storage). Written from what
 * `npm run migration:generate` gave, by hand where it could not: existing rows get their keys (on
 * MySQL with the append-only UPDATE trigger lifted for that one statement), MySQL gets the checks
 * TypeORM leaves out there, and SQLite, which rebuilds the table, gets its append-only and
 * change-counting triggers again.
 */
export class MeasurementInForce1796130128068 implements MigrationInterface {
  name = "MeasurementInForce1796130128068";

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mysql: MeasurementInForce1796130128068.mysqlUp,
      sqlite: [...MeasurementInForce1796130128068.sqliteUp, ...sqliteTriggers()],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mysql: MeasurementInForce1796130128068.mysqlDown,
      sqlite: [...MeasurementInForce1796130128068.sqliteDown, ...sqliteTriggers()],
    });
  }

  static readonly mysqlUp = [
    "ALTER TABLE `measurement` ADD `unitKey` int NOT NULL",
    "ALTER TABLE `measurement` ADD `breakdownKey` varchar(64) NOT NULL",
    "ALTER TABLE `measurement` ADD `supersedesKey` int NOT NULL",
    dropAppendOnlyTriggers("measurement")[0],
    "UPDATE `measurement` SET `unitKey` = COALESCE(`orgUnitId`, 0), `breakdownKey` = COALESCE(`breakdown`, ''), `supersedesKey` = COALESCE(`supersedesId`, 0)",
    appendOnlyTriggers("measurement").mysql[0],
    "ALTER TABLE `measurement` ADD CONSTRAINT `CHK_measurement_unit_key` CHECK (`unitKey` = COALESCE(`orgUnitId`, 0))",
    "ALTER TABLE `measurement` ADD CONSTRAINT `CHK_measurement_breakdown_key` CHECK (`breakdownKey` = COALESCE(`breakdown`, ''))",
    "ALTER TABLE `measurement` ADD CONSTRAINT `CHK_measurement_supersedes_key` CHECK (`supersedesKey` = COALESCE(`supersedesId`, 0))",
    "CREATE UNIQUE INDEX `UQ_measurement_in_force` ON `measurement` (`kpiId`, `year`, `periodKind`, `periodIndex`, `unitKey`, `breakdownKey`, `supersedesKey`)",
    "DROP INDEX `IDX_b4352c17e41fce2afb36776717` ON `measurement`",
  ];

  static readonly mysqlDown = [
    "CREATE INDEX `IDX_b4352c17e41fce2afb36776717` ON `measurement` (`kpiId`, `year`, `periodKind`, `periodIndex`, `orgUnitId`, `breakdown`)",
    "DROP INDEX `UQ_measurement_in_force` ON `measurement`",
    "ALTER TABLE `measurement` DROP CONSTRAINT `CHK_measurement_supersedes_key`",
    "ALTER TABLE `measurement` DROP CONSTRAINT `CHK_measurement_breakdown_key`",
    "ALTER TABLE `measurement` DROP CONSTRAINT `CHK_measurement_unit_key`",
    "ALTER TABLE `measurement` DROP COLUMN `supersedesKey`",
    "ALTER TABLE `measurement` DROP COLUMN `breakdownKey`",
    "ALTER TABLE `measurement` DROP COLUMN `unitKey`",
  ];

  static readonly sqliteUp = [
    'DROP INDEX "IDX_b4352c17e41fce2afb36776717"',
    'DROP INDEX "IDX_a5bdb3dbb3e0bd263c4b06ca04"',
    `CREATE TABLE "temporary_measurement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kpiId" integer NOT NULL, "year" integer NOT NULL, "periodKind" varchar(8) NOT NULL, "periodIndex" integer NOT NULL, "orgUnitId" integer, "value" decimal(20,6), "numerator" decimal(30,6), "denominator" decimal(30,6), "status" varchar(16) NOT NULL, "jobRunId" integer, "recordedBy" varchar(128), "recordedAt" datetime(3) NOT NULL, "supersedesId" integer, "reason" text, "breakdown" varchar(64), "unitKey" integer NOT NULL, "breakdownKey" varchar(64) NOT NULL, "supersedesKey" integer NOT NULL, CONSTRAINT "CHK_measurement_supersedes_key" CHECK ("supersedesKey" = COALESCE("supersedesId", 0)), CONSTRAINT "CHK_measurement_breakdown_key" CHECK ("breakdownKey" = COALESCE("breakdown", '')), CONSTRAINT "CHK_measurement_unit_key" CHECK ("unitKey" = COALESCE("orgUnitId", 0)), CONSTRAINT "FK_009991fd3f74f624f6023b2a977" FOREIGN KEY ("kpiId") REFERENCES "kpi" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_2cb8b866997d59fca5d2ec98ded" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_d65b311ecf3aee7c79561d3bb42" FOREIGN KEY ("jobRunId") REFERENCES "job_run" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_a5bdb3dbb3e0bd263c4b06ca04b" FOREIGN KEY ("supersedesId") REFERENCES "measurement" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)`,
    `INSERT INTO "temporary_measurement"("id", "kpiId", "year", "periodKind", "periodIndex", "orgUnitId", "value", "numerator", "denominator", "status", "jobRunId", "recordedBy", "recordedAt", "supersedesId", "reason", "breakdown", "unitKey", "breakdownKey", "supersedesKey") SELECT "id", "kpiId", "year", "periodKind", "periodIndex", "orgUnitId", "value", "numerator", "denominator", "status", "jobRunId", "recordedBy", "recordedAt", "supersedesId", "reason", "breakdown", COALESCE("orgUnitId", 0), COALESCE("breakdown", ''), COALESCE("supersedesId", 0) FROM "measurement"`,
    'DROP TABLE "measurement"',
    'ALTER TABLE "temporary_measurement" RENAME TO "measurement"',
    'CREATE INDEX "IDX_a5bdb3dbb3e0bd263c4b06ca04" ON "measurement" ("supersedesId") ',
    'CREATE UNIQUE INDEX "UQ_measurement_in_force" ON "measurement" ("kpiId", "year", "periodKind", "periodIndex", "unitKey", "breakdownKey", "supersedesKey") ',
  ];

  static readonly sqliteDown = [
    'DROP INDEX "UQ_measurement_in_force"',
    'DROP INDEX "IDX_a5bdb3dbb3e0bd263c4b06ca04"',
    'ALTER TABLE "measurement" RENAME TO "temporary_measurement"',
    'CREATE TABLE "measurement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kpiId" integer NOT NULL, "year" integer NOT NULL, "periodKind" varchar(8) NOT NULL, "periodIndex" integer NOT NULL, "orgUnitId" integer, "value" decimal(20,6), "numerator" decimal(30,6), "denominator" decimal(30,6), "status" varchar(16) NOT NULL, "jobRunId" integer, "recordedBy" varchar(128), "recordedAt" datetime(3) NOT NULL, "supersedesId" integer, "reason" text, "breakdown" varchar(64), CONSTRAINT "FK_009991fd3f74f624f6023b2a977" FOREIGN KEY ("kpiId") REFERENCES "kpi" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_2cb8b866997d59fca5d2ec98ded" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_d65b311ecf3aee7c79561d3bb42" FOREIGN KEY ("jobRunId") REFERENCES "job_run" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT "FK_a5bdb3dbb3e0bd263c4b06ca04b" FOREIGN KEY ("supersedesId") REFERENCES "measurement" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION)',
    'INSERT INTO "measurement"("id", "kpiId", "year", "periodKind", "periodIndex", "orgUnitId", "value", "numerator", "denominator", "status", "jobRunId", "recordedBy", "recordedAt", "supersedesId", "reason", "breakdown") SELECT "id", "kpiId", "year", "periodKind", "periodIndex", "orgUnitId", "value", "numerator", "denominator", "status", "jobRunId", "recordedBy", "recordedAt", "supersedesId", "reason", "breakdown" FROM "temporary_measurement"',
    'DROP TABLE "temporary_measurement"',
    'CREATE INDEX "IDX_a5bdb3dbb3e0bd263c4b06ca04" ON "measurement" ("supersedesId") ',
    'CREATE INDEX "IDX_b4352c17e41fce2afb36776717" ON "measurement" ("kpiId", "year", "periodKind", "periodIndex", "orgUnitId", "breakdown") ',
  ];
}

/** A rebuilt table has lost its triggers. */
const sqliteTriggers = () => [
  ...appendOnlyTriggers("measurement").sqlite,
  ...countingTriggers(ATTAINMENT_INPUTS.name, ["measurement"]).sqlite,
];
