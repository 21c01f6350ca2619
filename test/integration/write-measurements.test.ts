import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource, In } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob } from "../../jobs/engine/run-job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { AuditEvent } from "../../entities/audit-event.entity";
import { PeriodKind, Role } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { correctMeasurement, recordMeasurement } from "../../src/measurement/record-measurement";
import { NewMeasurement, writeMeasurements } from "../../src/measurement/write-measurements";
import { openWithPlan, testDatabases } from "../support/databases";

const admin = { subject: "controllo.gestione", roles: [Role.ADMIN], units: [] };

/** One invoice paid in Q4 2019, for the amount given. */
function inbox(amount: string): string {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-write-"));
  writeFileSync(
    join(folder, "pagamenti.csv"),
    `invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to\nA;PAGAMENTO;01/10/2019;30;10/11/2019;${amount};;;\n`,
  );
  return folder;
}

describe.each(testDatabases)("the one writer of measurements on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await openWithPlan(db)));
  afterAll(() => db.close(dataSource));

  const eventsOf = async (measurements: Measurement[]) =>
    (
      await dataSource.manager.find(AuditEvent, {
        where: { entityType: "Measurement", entityId: In(measurements.map((m) => String(m.id))) },
        order: { id: "ASC" },
      })
    ).map((e) => ({
      actor: e.actor,
      role: e.role,
      action: e.action,
      entityId: e.entityId,
      before: e.before === null ? null : (JSON.parse(e.before) as { id: number }).id,
      after: (JSON.parse(e.after!) as { id: number; value: string }).value,
    }));

  it("gives a person's value and a job run's values audit events of one shape, a correction naming what it supersedes", async () => {
    const recorded = await recordMeasurement(dataSource, admin, {
      kpiCode: "SOL-PIANO-QUARTIERI",
      year: 2019,
      periodKind: PeriodKind.YEAR,
      periodIndex: null,
      unitCode: null,
      value: "68.50",
      reason: null,
    });
    const corrected = await correctMeasurement(dataSource, admin, {
      measurementId: recorded.id,
      value: "71.2",
      reason: "Consuntivo",
    });
    expect(recorded).toMatchObject({ value: "68.5", recordedBy: "controllo.gestione", jobRunId: null });
    expect(await eventsOf([recorded, corrected])).toEqual([
      {
        actor: "controllo.gestione",
        role: "ADMIN",
        action: "MEASUREMENT_RECORDED",
        entityId: `${recorded.id}`,
        before: null,
        after: "68.5",
      },
      {
        actor: "controllo.gestione",
        role: "ADMIN",
        action: "MEASUREMENT_CORRECTED",
        entityId: `${corrected.id}`,
        before: recorded.id,
        after: "71.2",
      },
    ]);

    const job = paymentTimelinessJob();
    const q4 = { year: 2019, kind: PeriodKind.QUARTER, index: 4 };
    const options = { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 0 };
    const first = (await runJob(
      dataSource,
      { job, source: new CsvInbox(inbox("1.000,00")), period: q4, triggeredBy: "alice" },
      options,
    ))!;
    const rerun = (await runJob(
      dataSource,
      { job, source: new CsvInbox(inbox("2.000,00")), period: q4, triggeredBy: "scheduler" },
      options,
    ))!;
    const amountPaid = await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-IMPORTO-PAGATO" });
    const [before, after] = await dataSource.manager.find(Measurement, {
      where: { kpiId: amountPaid.id, jobRunId: In([first.id, rerun.id]) },
      order: { id: "ASC" },
    });
    expect([before.recordedBy, after.jobRunId, after.supersedesId]).toEqual([null, rerun.id, before.id]);
    expect(await eventsOf([before, after])).toEqual([
      {
        actor: "alice",
        role: null,
        action: "MEASUREMENT_RECORDED",
        entityId: `${before.id}`,
        before: null,
        after: "1000",
      },
      {
        actor: "scheduler",
        role: null,
        action: "MEASUREMENT_CORRECTED",
        entityId: `${after.id}`,
        before: before.id,
        after: "2000",
      },
    ]);
  });

  it("writes more rows than one statement takes, each returned as stored in the order given, each with its event", async () => {
    const kpi = await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-FATTURE-PAGATE" });
    // 1,201 parts of the 2020 figure: three statements of at most 500.
    const rows: NewMeasurement[] = Array.from({ length: 1201 }, (_, i) => ({
      kpiId: kpi.id,
      year: 2020,
      periodKind: PeriodKind.YEAR,
      periodIndex: 0,
      orgUnitId: null,
      breakdown: `part-${i}`,
      value: String(i),
      numerator: null,
      denominator: null,
      reason: null,
      supersedes: null,
    }));
    const written = await dataSource.transaction((tx) =>
      writeMeasurements(tx, rows, { actor: "bulk", role: null, jobRunId: null }, new Date()),
    );
    expect(written.map((m) => [m.breakdown, m.value])).toEqual(rows.map((r) => [r.breakdown, r.value]));
    const stored = await dataSource.manager.findBy(Measurement, { id: In(written.map((m) => m.id)) });
    expect(new Map(stored.map((m) => [m.id, m.breakdown]))).toEqual(new Map(written.map((m) => [m.id, m.breakdown])));
    expect(
      await dataSource.manager.count(AuditEvent, { where: { actor: "bulk", action: "MEASUREMENT_RECORDED" } }),
    ).toBe(1201);
  });

  it("refuses two values for one KPI, period, unit and part in one write, writing neither", async () => {
    const kpi = await dataSource.manager.findOneByOrFail(Kpi, { code: "SAL-FIN-FATTURE-PAGATE" });
    const row: NewMeasurement = {
      kpiId: kpi.id,
      year: 2021,
      periodKind: PeriodKind.YEAR,
      periodIndex: 0,
      orgUnitId: null,
      breakdown: null,
      value: "1",
      numerator: null,
      denominator: null,
      reason: null,
      supersedes: null,
    };
    const before = await dataSource.manager.count(Measurement);
    await expect(
      dataSource.transaction((tx) =>
        writeMeasurements(tx, [row, { ...row, value: "2" }], { actor: "x", role: null, jobRunId: null }, new Date()),
      ),
    ).rejects.toThrow("two values for one KPI, period, unit and part in one write");
    expect(await dataSource.manager.count(Measurement)).toBe(before);
  });
});
