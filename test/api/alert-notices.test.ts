import pino from "pino";
import { DataSource } from "typeorm";
import { AlertNotice } from "../../entities/alert-notice.entity";
import { ReminderStatus, SourceAlertKind } from "../../entities/enums";
import { SourceAlert } from "../../entities/source-alert.entity";
import { notifyAlerts } from "../../src/alerts/notify-alerts";
import { ConfigError, loadConfig } from "../../src/config";
import { smtpMailer } from "../../src/reminders/mailer";
import { testDatabases } from "../support/databases";
import { SmtpInbox, startSmtpInbox } from "../support/smtp-inbox";

const ADMINS = ["ragioneria@comune.test", "sistemi@comune.test"];
const SETTINGS = { recipients: ADMINS, attempts: 2, dashboardUrl: "https://cruscotto.test/" };
/** 2 January 2020, 03:00 UTC (04:00 in Milan), when the year's runs finish. */
const RAISED = new Date("2020-01-02T03:00:00Z");

describe("ALERT_EMAILS", () => {
  it("takes addresses separated by commas, and none when unset", () => {
    expect(loadConfig({ ALERT_EMAILS: " ragioneria@comune.test, sistemi@comune.test " }).ALERT_EMAILS).toEqual(ADMINS);
    expect(loadConfig({}).ALERT_EMAILS).toEqual([]);
  });
  it("refuses a list with something that is not an address, naming the variable", () => {
    expect(() => loadConfig({ ALERT_EMAILS: "ragioneria@comune.test;sistemi" })).toThrow(ConfigError);
    expect(() => loadConfig({ ALERT_EMAILS: "ragioneria@comune.test, sistemi" })).toThrow(/ALERT_EMAILS/);
  });
});

describe.each(testDatabases)("alerts e-mailed to the administrators on $name", (db) => {
  let dataSource: DataSource;
  let smtp: SmtpInbox;
  let mailer: ReturnType<typeof smtpMailer>;
  const logLines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: "info" },
    { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const raise = async (jobKey: string, runId: number, message: string) => {
    const inserted = await dataSource.manager.insert(SourceAlert, {
      jobKey,
      kind: SourceAlertKind.FAILED_TWICE,
      runId,
      message,
      raisedAt: RAISED,
    });
    return inserted.identifiers[0].id as number;
  };
  const noticesOf = (alertId: number) =>
    dataSource.manager.find(AlertNotice, { where: { alertId }, order: { id: "ASC" } });
  const at = (hour: number) => new Date(Date.UTC(2020, 0, 2, hour));

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    mailer = smtpMailer(
      loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, REMINDER_FROM: "traguardo@comune.test" }),
    );
    dataSource = await db.open();
  });
  afterAll(async () => {
    await db.close(dataSource);
    await smtp.close();
  });

  it("without ALERT_EMAILS records the alert as not sent, with a log line, once; then sends it once the addresses are set", async () => {
    const id = await raise(
      "overdue-debt",
      11,
      "overdue-debt non è riuscito due volte di seguito (esecuzioni 10 e 11): fonte irraggiungibile",
    );
    const listed = await notifyAlerts(dataSource, { ...SETTINGS, recipients: [] }, mailer, logger, at(7));
    expect(listed).toMatchObject([
      {
        alertId: id,
        status: ReminderStatus.NO_RECIPIENT,
        recipients: null,
        attempts: 0,
        reason: "Nessun indirizzo degli amministratori configurato (ALERT_EMAILS)",
      },
    ]);
    expect(logLines.some((l) => l.msg === "alerts recorded, not e-mailed: ALERT_EMAILS or SMTP_URL is not set")).toBe(
      true,
    );
    expect(await notifyAlerts(dataSource, { ...SETTINGS, recipients: [] }, mailer, logger, at(8))).toEqual([]);
    expect(smtp.received).toHaveLength(0);

    const sent = await notifyAlerts(dataSource, SETTINGS, mailer, logger, at(9));
    expect(sent).toMatchObject([{ alertId: id, status: ReminderStatus.SENT, attempts: 1, reason: null }]);
    expect(sent[0].recipients).toBe("ragioneria@comune.test, sistemi@comune.test");
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message.to).toEqual(ADMINS);
    expect(message.subject).toBe("Avviso sulla fonte di overdue-debt: non riuscito due volte di seguito");
    // 03:00 UTC on 2 January is 04:00 in Milan (winter time, UTC+1).
    expect(message.text).toContain(
      "il 02/01/2020, 04:00 l'esecuzione 11 di overdue-debt ha sollevato un avviso (Non riuscito due volte di seguito):",
    );
    expect(message.text).toContain(
      "overdue-debt non è riuscito due volte di seguito (esecuzioni 10 e 11): fonte irraggiungibile",
    );
    expect(message.text).toContain("https://cruscotto.test/");
    // The same open alert is not sent again.
    expect(await notifyAlerts(dataSource, SETTINGS, mailer, logger, at(10))).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    expect((await noticesOf(id)).map((n) => n.status)).toEqual([ReminderStatus.NO_RECIPIENT, ReminderStatus.SENT]);
  });

  it("records a refused send as FAILED with the server's answer after each attempt, and sends it at the next tick even if the alert cleared meanwhile", async () => {
    const id = await raise(
      "crm-response",
      21,
      "crm-response non è riuscito due volte di seguito (esecuzioni 20 e 21): tabella assente",
    );
    smtp.refused.add("ragioneria@comune.test");
    smtp.refused.add("sistemi@comune.test");
    const failed = await notifyAlerts(dataSource, SETTINGS, mailer, logger, at(11));
    expect(failed).toMatchObject([{ alertId: id, status: ReminderStatus.FAILED, attempts: 2 }]);
    expect(failed[0].reason).toMatch(/^Invio non riuscito dopo 2 tentativi: .*550 Mailbox unavailable/);
    expect(logLines.some((l) => l.msg === "alert not e-mailed: tried again at the next tick")).toBe(true);
    expect(smtp.received).toHaveLength(1);

    // A later run cleared it (as judgeSource does); the administrators are still told, once.
    await dataSource.manager.update(SourceAlert, { id }, { clearedAt: at(12), clearedByRunId: 22 });
    smtp.refused.clear();
    const sent = await notifyAlerts(dataSource, SETTINGS, mailer, logger, at(13));
    expect(sent).toMatchObject([{ alertId: id, status: ReminderStatus.SENT, attempts: 1 }]);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1].text).toContain("L'avviso è già stato chiuso il 02/01/2020, 13:00");
    expect(await notifyAlerts(dataSource, SETTINGS, mailer, logger, at(14))).toEqual([]);
    expect((await noticesOf(id)).map((n) => n.status)).toEqual([ReminderStatus.FAILED, ReminderStatus.SENT]);
  });

  it("records an alert raised with SMTP down as FAILED (connection refused) and without SMTP as only listed", async () => {
    const id = await raise(
      "piano-quartieri",
      31,
      "piano-quartieri non è riuscito due volte di seguito (esecuzioni 30 e 31): timeout",
    );
    const closed = await startSmtpInbox();
    await closed.close();
    const down = smtpMailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${closed.port}` }));
    const failed = await notifyAlerts(dataSource, SETTINGS, down, logger, at(15));
    expect(failed).toMatchObject([{ alertId: id, status: ReminderStatus.FAILED, attempts: 2 }]);
    expect(failed[0].reason).toMatch(/ECONNREFUSED/);
    const listed = await notifyAlerts(dataSource, SETTINGS, null, logger, at(16));
    expect(listed).toMatchObject([
      { alertId: id, status: ReminderStatus.LISTED, reason: "SMTP non configurato (SMTP_URL): avviso solo registrato" },
    ]);
    expect(await notifyAlerts(dataSource, SETTINGS, null, logger, at(17))).toEqual([]);
    expect(smtp.received).toHaveLength(2);
  });
});
