import pino from "pino";
import { DataSource } from "typeorm";
import { ReminderKind, ReminderStatus } from "../../entities/enums";
import { loadConfig } from "../../src/config";
import { smtpMailer } from "../../src/reminders/mailer";
import { sendPublicationReminders } from "../../src/reminders/publication-reminders";
import { openWithPlan, testDatabases } from "../support/databases";
import { SmtpInbox, startSmtpInbox } from "../support/smtp-inbox";

const ADMINS = ["ragioneria@comune.test", "sistemi@comune.test"];
const SETTINGS = { daysBefore: 10, attempts: 2, recipients: ADMINS };
/** 25 January 2020, 08:00 in Milan: 5 days before 30/01 (2019-Q4's ITP), 6 before 31/01 (the year's). */
const JANUARY_25 = new Date("2020-01-25T08:00:00+01:00");

describe.each(testDatabases)("reminders before a publication deadline on $name", (db) => {
  let dataSource: DataSource;
  let smtp: SmtpInbox;
  let mailer: ReturnType<typeof smtpMailer>;
  const logger = pino({ level: "silent" });

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    mailer = smtpMailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }));
    dataSource = await openWithPlan(db);
  });
  afterAll(async () => {
    await db.close(dataSource);
    await smtp.close();
  });

  it("sends the administrators one message per due date with what is unpublished, once a day", async () => {
    const rows = await sendPublicationReminders(dataSource, SETTINGS, mailer, logger, JANUARY_25);
    expect(rows.map((r) => [r.kind, r.monitoringDate, r.unitId, r.status, r.recipient])).toEqual([
      [ReminderKind.PUBLICATION, "2020-01-30", null, ReminderStatus.SENT, ADMINS.join(", ")],
      [ReminderKind.PUBLICATION, "2020-01-31", null, ReminderStatus.SENT, ADMINS.join(", ")],
    ]);
    // No job ran: nothing is ready, and each line says so.
    expect(rows[0].items).toEqual([
      expect.stringMatching(
        /^Indicatore trimestrale di tempestività dei pagamenti, 2019-Q4: dati non ancora pronti \(/,
      ),
    ]);
    expect(rows[1].items.map((i) => i.slice(0, i.indexOf(":")))).toEqual([
      "Indicatore annuale di tempestività dei pagamenti, ammontare dei debiti e numero delle imprese creditrici, 2019",
      "Indicatori della L. 145/2018 (ritardo annuale, debito scaduto, Fondo di Garanzia Debiti Commerciali), 2019",
    ]);
    expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([
      [ADMINS, "Amministrazione Trasparente: pubblicazioni in scadenza il 30/01/2020"],
      [ADMINS, "Amministrazione Trasparente: pubblicazioni in scadenza il 31/01/2020"],
    ]);
    expect(smtp.received[0].text).toContain("La pubblicazione spetta alla Ragioneria");
    expect(smtp.received[0].text).toContain(`- ${rows[0].items[0]}`);
    expect(
      await sendPublicationReminders(dataSource, SETTINGS, mailer, logger, new Date("2020-01-25T15:00:00+01:00")),
    ).toEqual([]);
    expect(smtp.received).toHaveLength(2);
  });

  it("records them without ALERT_EMAILS, and reminds nobody 11 days before 30/01", async () => {
    const rows = await sendPublicationReminders(
      dataSource,
      { ...SETTINGS, recipients: [] },
      mailer,
      logger,
      new Date("2020-01-26T08:00:00+01:00"),
    );
    expect(rows.map((r) => [r.status, r.reason])).toEqual([
      [ReminderStatus.NO_RECIPIENT, "Nessun indirizzo degli amministratori configurato (ALERT_EMAILS)"],
      [ReminderStatus.NO_RECIPIENT, "Nessun indirizzo degli amministratori configurato (ALERT_EMAILS)"],
    ]);
    expect(
      await sendPublicationReminders(dataSource, SETTINGS, mailer, logger, new Date("2020-01-19T08:00:00+01:00")),
    ).toEqual([]);
  });
});
