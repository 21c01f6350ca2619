import pino from "pino";
import { DataSource } from "typeorm";
import { acquireLease, releaseLease } from "../../jobs/engine/lease";
import { REMINDERS_LEASE, remindersTick } from "../../jobs/reminders.job";
import { AlertNotice } from "../../entities/alert-notice.entity";
import { ReminderStatus, SourceAlertKind } from "../../entities/enums";
import { Reminder } from "../../entities/reminder.entity";
import { SourceAlert } from "../../entities/source-alert.entity";
import { loadConfig } from "../../src/config";
import { openWithPlan, testDatabases } from "../support/databases";

/** 25 September 2019, 08:00 in Milan: five days before the 30 September monitoring date. */
const TICK = new Date("2019-09-25T08:00:00+02:00");

describe.each(testDatabases)("the reminders' scheduled tick on $name", (db) => {
  let dataSource: DataSource;
  const config = loadConfig({});
  const logger = pino({ level: "silent" });
  beforeAll(async () => (dataSource = await openWithPlan(db)));
  afterAll(() => db.close(dataSource));

  it("leaves the tick to the server holding the lease, and otherwise records the reminders", async () => {
    expect(await acquireLease(dataSource.manager, REMINDERS_LEASE, "other-server", TICK, 60_000)).toBe(true);
    await remindersTick(dataSource, config, logger, "this-server", TICK);
    expect(await dataSource.manager.count(Reminder)).toBe(0);
    await releaseLease(dataSource.manager, REMINDERS_LEASE, "other-server");

    await remindersTick(dataSource, config, logger, "this-server", TICK);
    const rows = await dataSource.manager.find(Reminder);
    expect(rows.length).toBeGreaterThan(0);
    // The plan's directors have no address yet: nothing could be sent, and each unit says why.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set([ReminderStatus.NO_RECIPIENT]));
  });

  it("chases nobody when no monitoring date is within REMINDER_DAYS_BEFORE: 15/09 is 15 days from 30/09", async () => {
    const before = await dataSource.manager.count(Reminder);
    await remindersTick(dataSource, config, logger, "this-server", new Date("2019-09-15T08:00:00+02:00"));
    expect(await dataSource.manager.count(Reminder)).toBe(before);
  });

  it("records each open alert on a source at the tick, even far from a monitoring date, and only once without ALERT_EMAILS", async () => {
    const inserted = await dataSource.manager.insert(SourceAlert, {
      jobKey: "payment-timeliness",
      kind: SourceAlertKind.NO_ROWS,
      runId: 1,
      message: "L'esecuzione 1 di payment-timeliness non ha trovato righe per 2019-Q2",
      raisedAt: new Date("2019-07-01T01:00:00Z"),
    });
    const tick = new Date("2019-07-01T08:00:00+02:00");
    await remindersTick(dataSource, config, logger, "this-server", tick);
    await remindersTick(dataSource, config, logger, "this-server", new Date("2019-07-01T09:00:00+02:00"));
    expect(await dataSource.manager.find(AlertNotice)).toMatchObject([
      { alertId: inserted.identifiers[0].id as number, status: ReminderStatus.NO_RECIPIENT, recordedAt: tick },
    ]);
  });
});
