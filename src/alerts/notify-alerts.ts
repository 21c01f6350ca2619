import { DataSource, In, IsNull } from "typeorm";
import { AlertNotice } from "../../entities/alert-notice.entity";
import { ReminderStatus } from "../../entities/enums";
import { SourceAlert } from "../../entities/source-alert.entity";
import { Logger } from "../logger";
import { Mailer, sendWithAttempts } from "../reminders/mailer";
import { alertMessage } from "./alert-message";

export interface AlertNoticeSettings {
  /** ALERT_EMAILS: every administrator gets the same message. */
  recipients: readonly string[];
  attempts: number;
  dashboardUrl: string;
}

type Row = Omit<AlertNotice, "id" | "alert">;

/**
 * Tells the administrators of each alert once, by e-mail, and records how it went. An alert whose
 * message went out is done; a failed send is tried again at the next call, even after the alert
 * cleared (nothing is lost); one that could only be listed (no SMTP, no ALERT_EMAILS) is recorded
 * once per reason, and sent when the reason goes while it is still open.
 */
export async function notifyAlerts(
  dataSource: DataSource,
  settings: AlertNoticeSettings,
  mailer: Mailer | null,
  logger: Logger,
  now: Date = new Date(),
): Promise<AlertNotice[]> {
  const { manager } = dataSource;
  // The open alerts, and the cleared ones whose message has not gone yet because sending failed.
  const retried = (await manager.findBy(AlertNotice, { status: ReminderStatus.FAILED })).map((n) => n.alertId);
  const alerts = await manager.find(SourceAlert, {
    where: [{ clearedAt: IsNull() }, ...(retried.length ? [{ id: In([...new Set(retried)]) }] : [])],
    order: { id: "ASC" },
  });
  const notices = alerts.length
    ? await manager.find(AlertNotice, { where: { alertId: In(alerts.map((a) => a.id)) }, order: { id: "ASC" } })
    : [];
  const latest = new Map(notices.map((n) => [n.alertId, n]));
  const recipients = settings.recipients.length ? settings.recipients.join(", ") : null;
  const status =
    recipients === null ? ReminderStatus.NO_RECIPIENT : mailer ? ReminderStatus.SENT : ReminderStatus.LISTED;
  const rows: Row[] = [];
  for (const alert of alerts) {
    const before = latest.get(alert.id);
    if (before?.status === ReminderStatus.SENT || before?.status === status) continue;
    const row = { alertId: alert.id, recipients, attempts: 0, recordedAt: now };
    if (status === ReminderStatus.NO_RECIPIENT)
      rows.push({ ...row, status, reason: "Nessun indirizzo degli amministratori configurato (ALERT_EMAILS)" });
    else if (status === ReminderStatus.LISTED)
      rows.push({ ...row, status, reason: "SMTP non configurato (SMTP_URL): avviso solo registrato" });
    else
      rows.push({
        ...row,
        ...(await sendWithAttempts(
          mailer!,
          recipients!,
          alertMessage(alert, settings.dashboardUrl),
          settings.attempts,
        )),
      });
  }
  const unsent = rows.filter((r) => r.status === ReminderStatus.NO_RECIPIENT || r.status === ReminderStatus.LISTED);
  if (unsent.length)
    logger.info(
      { alerts: unsent.map((r) => r.alertId), reason: unsent[0].reason },
      "alerts recorded, not e-mailed: ALERT_EMAILS or SMTP_URL is not set",
    );
  for (const r of rows.filter((r) => r.status === ReminderStatus.FAILED))
    logger.warn({ alert: r.alertId, reason: r.reason }, "alert not e-mailed: tried again at the next tick");
  if (rows.length === 0) return [];
  const inserted = await manager.insert(AlertNotice, rows);
  return manager.find(AlertNotice, {
    where: { id: In(inserted.identifiers.map((i) => i.id as number)) },
    order: { id: "ASC" },
  });
}
