import { DataSource } from "typeorm";
import { testDatabases } from "../support/databases";

describe.each(testDatabases)("migrations on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await db.open()));
  afterAll(() => db.close(dataSource));

  it("build exactly the schema the entities describe", async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("leave nothing pending after the server's start-up run", async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it("undo cleanly, and apply again", async () => {
    for (let i = 0; i < dataSource.migrations.length; i += 1) await dataSource.undoLastMigration();
    expect(await dataSource.showMigrations()).toBe(true);
    await dataSource.runMigrations();
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});

describe.each(testDatabases)("the migration to frozen scores on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await db.open()));
  afterAll(() => db.close(dataSource));

  it("moves a closed year's frozen attainment from its JSON text to rows, and back on undo, losing nothing", async () => {
    // Undo back to just before FrozenScores, whatever came after it.
    const later = dataSource.migrations.length - dataSource.migrations.findIndex((m) => /^FrozenScores/.test(m.name!));
    for (let i = 0; i < later; i += 1) await dataSource.undoLastMigration();
    const frozen = [
      { objective: "SOL-SOLIDALE", unit: null, score: 1, computedScore: 0.75 },
      { objective: "GES-ERP", unit: "EDU", score: null, computedScore: null },
    ];
    await dataSource.query(
      "INSERT INTO cycle_snapshot (year, takenAt, takenBy, ruleSetVersion, gate, attainment) VALUES (2019, '2020-06-30 12:00:00.000', 'test', 0, '{}', ?)",
      [JSON.stringify(frozen)],
    );
    await dataSource.query(
      "INSERT INTO cycle_snapshot (year, takenAt, takenBy, ruleSetVersion, gate, attainment) VALUES (2020, '2021-06-30 12:00:00.000', 'test', 0, '{}', '[]')",
    );

    await dataSource.runMigrations();
    const rows = await dataSource.query<Array<Record<string, unknown>>>(
      "SELECT s.year, f.objectiveKey, f.unitCode, f.score, f.computedScore FROM frozen_score f JOIN cycle_snapshot s ON s.id = f.snapshotId ORDER BY f.id",
    );
    expect(
      rows.map((r: Record<string, unknown>) => ({
        ...r,
        score: r.score === null ? null : Number(r.score),
        computedScore: r.computedScore === null ? null : Number(r.computedScore),
      })),
    ).toEqual([
      { year: 2019, objectiveKey: "SOL-SOLIDALE", unitCode: null, score: 1, computedScore: 0.75 },
      { year: 2019, objectiveKey: "GES-ERP", unitCode: "EDU", score: null, computedScore: null },
    ]);
    for (const table of ["cycle_snapshot", "frozen_score"]) {
      await expect(dataSource.query(`UPDATE ${table} SET id = id`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    }

    for (let i = 0; i < later; i += 1) await dataSource.undoLastMigration();
    const restored = await dataSource.query<Array<{ year: number; attainment: string }>>(
      "SELECT year, attainment FROM cycle_snapshot ORDER BY year",
    );
    expect(restored.map((r) => [r.year, JSON.parse(r.attainment) as unknown])).toEqual([
      [2019, frozen],
      [2020, []],
    ]);
    await expect(dataSource.query("DELETE FROM cycle_snapshot")).rejects.toThrow(/append-only/);
  });
});

describe.each(testDatabases)("append-only tables on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await db.open()));
  afterAll(() => db.close(dataSource));

  it("refuse to update or delete an audit event, even in hand-written SQL", async () => {
    await dataSource.query(
      "INSERT INTO audit_event (at, actor, action, entityType) VALUES ('2019-12-06 10:15:00.000', 'test', 'TEST', 'Nothing')",
    );
    await expect(dataSource.query("UPDATE audit_event SET actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(dataSource.query("DELETE FROM audit_event")).rejects.toThrow(/append-only/);
    expect(await dataSource.query("SELECT actor FROM audit_event")).toEqual([{ actor: "test" }]);
  });

  it("refuse to overwrite an audit event by replacing its id", async () => {
    const replace = dataSource.options.type === "better-sqlite3" ? "INSERT OR REPLACE" : "REPLACE";
    await expect(
      dataSource.query(
        `${replace} INTO audit_event (id, at, actor, action, entityType) VALUES (1, '2019-12-06 10:15:00.000', 'someone else', 'TEST', 'Nothing')`,
      ),
    ).rejects.toThrow(/append-only/);
    expect(await dataSource.query("SELECT actor FROM audit_event")).toEqual([{ actor: "test" }]);
  });

  it("refuse to update or delete a measurement, after every migration that rebuilt its table", async () => {
    await dataSource.query("INSERT INTO administration (code, name) VALUES ('000000', 'Test')");
    await dataSource.query(
      "INSERT INTO plan (administrationId, code, title, firstYear, lastYear) VALUES (1, 'P', 'P', 2019, 2021)",
    );
    await dataSource.query(
      "INSERT INTO objective (planId, `key`, level, title, status, position, unresolvedCollaborators) VALUES (1, 'O', 'SALUTE', 'O', 'ACTIVE', 1, '[]')".replace(
        /`/g,
        dataSource.options.type === "better-sqlite3" ? '"' : "`",
      ),
    );
    await dataSource.query(
      "INSERT INTO kpi (objectiveId, code, name, unit, direction, weight, frequency, source, scoring) VALUES (1, 'K', 'K', 'COUNT', 'HIGHER_IS_BETTER', 1, 'YEARLY', 'MANUAL', 'LINEAR')",
    );
    await dataSource.query(
      "INSERT INTO measurement (kpiId, year, periodKind, periodIndex, value, status, recordedAt, unitKey, breakdownKey, supersedesKey) VALUES (1, 2019, 'YEAR', 0, 5, 'PROVISIONAL', '2020-01-10 09:00:00.000', 0, '', 0)",
    );
    await expect(dataSource.query("UPDATE measurement SET value = 6")).rejects.toThrow(/append-only/);
    await expect(dataSource.query("DELETE FROM measurement")).rejects.toThrow(/append-only/);
  });

  it("refuse to update or delete a reminder after PublicationReminders rebuilt its table, or an alert's notice", async () => {
    await dataSource.query(
      "INSERT INTO reminder (day, monitoringDate, unitId, recipient, items, fingerprint, status, attempts, reason, recordedAt, kind) VALUES ('2020-01-25', '2020-01-30', NULL, NULL, '[]', 'x', 'NO_RECIPIENT', 0, NULL, '2020-01-25 08:00:00.000', 'PUBLICATION')",
    );
    await expect(dataSource.query("UPDATE reminder SET status = 'SENT'")).rejects.toThrow(/append-only/);
    await expect(dataSource.query("DELETE FROM reminder")).rejects.toThrow(/append-only/);
    await dataSource.query(
      "INSERT INTO source_alert (jobKey, kind, runId, message, raisedAt) VALUES ('payment-timeliness', 'NO_ROWS', 1, 'm', '2020-01-02 03:00:00.000')",
    );
    await dataSource.query(
      "INSERT INTO alert_notice (alertId, recipients, status, attempts, reason, recordedAt) VALUES (1, NULL, 'NO_RECIPIENT', 0, NULL, '2020-01-02 08:00:00.000')",
    );
    await expect(dataSource.query("UPDATE alert_notice SET status = 'SENT'")).rejects.toThrow(/append-only/);
    await expect(dataSource.query("DELETE FROM alert_notice")).rejects.toThrow(/append-only/);
  });

  it("refuse, even in hand-written SQL, a second value in force for a slot, a second correction of a row, and keys out of step", async () => {
    const insert = (values: string) =>
      dataSource.query(
        `INSERT INTO measurement (kpiId, year, periodKind, periodIndex, value, status, recordedAt, unitKey, breakdownKey, supersedesKey, supersedesId) VALUES ${values}`,
      );
    // Measurement 1 (from the test above) is the value in force of K, 2019; this corrects it.
    await insert("(1, 2019, 'YEAR', 0, 7, 'PROVISIONAL', '2020-01-11 09:00:00.000', 0, '', 1, 1)");
    await expect(
      insert("(1, 2019, 'YEAR', 0, 8, 'PROVISIONAL', '2020-01-12 09:00:00.000', 0, '', 1, 1)"),
    ).rejects.toThrow(/duplicate|unique/i);
    await expect(
      insert("(1, 2019, 'YEAR', 0, 9, 'PROVISIONAL', '2020-01-12 09:00:00.000', 0, '', 0, NULL)"),
    ).rejects.toThrow(/duplicate|unique/i);
    // A key that does not match its column would let a second value past the index.
    await expect(
      insert("(1, 2019, 'YEAR', 0, 9, 'PROVISIONAL', '2020-01-12 09:00:00.000', 0, '', 5, 1)"),
    ).rejects.toThrow(/CHK_measurement_supersedes_key/);
  });
});

describe.each(testDatabases)("the migration to payroll-safe incentives on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await db.open()));
  afterAll(() => db.close(dataSource));

  it("gives each existing assignment its employee's category, and keeps reviews and frozen figures append-only", async () => {
    const later =
      dataSource.migrations.length - dataSource.migrations.findIndex((m) => /^PayrollSafeIncentives/.test(m.name!));
    for (let i = 0; i < later; i += 1) await dataSource.undoLastMigration();
    await dataSource.query("INSERT INTO administration (code, name) VALUES ('000000', 'Test')");
    await dataSource.query(
      "INSERT INTO plan (administrationId, code, title, firstYear, lastYear) VALUES (1, 'P', 'P', 2019, 2021)",
    );
    await dataSource.query(
      "INSERT INTO org_unit (code, name, kind, validFrom) VALUES ('EDU', 'Direzione Educazione', 'DIRECTORATE', '2019-01-01')",
    );
    await dataSource.query(
      "INSERT INTO employee (code, name, category) VALUES ('P001', 'Luca Neri', 'PO'), ('S002', 'Paolo Rossi', 'STAFF')",
    );
    await dataSource.query(
      "INSERT INTO assignment (employeeId, unitId, validFrom, share) VALUES (1, 1, '2019-01-01', 1), (2, 1, '2019-01-01', 0.5)",
    );
    await dataSource.query(
      "INSERT INTO review (year, unitId, decision, decidedBy, decidedAt) VALUES (2019, 1, 'VALIDATED', 'test', '2020-06-30 12:00:00.000')",
    );
    await dataSource.query(
      "INSERT INTO cycle_snapshot (year, takenAt, takenBy, ruleSetVersion, gate) VALUES (2019, '2020-06-30 12:00:00.000', 'test', 0, '{}')",
    );
    await dataSource.query(
      "INSERT INTO frozen_eligibility (snapshotId, employeeId, employeeCode, employeeName, category, status, gateOpen, days, inputs) VALUES (1, 1, 'P001', 'Luca Neri', 'PO', 'COMPLETE', 1, 365, '{}')",
    );

    await dataSource.runMigrations();
    const rows = await dataSource.query<Array<{ employeeId: number; category: string }>>(
      "SELECT employeeId, category FROM assignment ORDER BY id",
    );
    expect(rows).toEqual([
      { employeeId: 1, category: "PO" },
      { employeeId: 2, category: "STAFF" },
    ]);
    for (const table of ["review", "frozen_eligibility"]) {
      await expect(dataSource.query(`UPDATE ${table} SET id = id`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    }
    await dataSource.undoLastMigration();
    for (const table of ["review", "frozen_eligibility"])
      await expect(dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    await dataSource.runMigrations();
  });
});
