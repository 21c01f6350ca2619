import { DataSource } from "typeorm";
import { notifyAlerts } from "../src/alerts/notify-alerts";
import { Config } from "../src/config";
import { Logger } from "../src/logger";
import { smtpMailer } from "../src/reminders/mailer";
import { sendPublicationReminders } from "../src/reminders/publication-reminders";
import { sendReminders } from "../src/reminders/send-reminders";
import { acquireLease, releaseLease } from "./engine/lease";

/** The lease that keeps two servers from chasing the same units at the same tick. */
export const REMINDERS_LEASE = "reminders";

/**
 * A tick of the reminders: before a monitoring date, what each unit still owes goes to its
 * director (REMINDER_SCHEDULE, Europe/Rome), before a publication deadline what is still to publish
 * goes to the administrators, and each alert on a source not yet told goes to the
 * administrators (ALERT_EMAILS). Another server holding the lease has it in hand.
 */
export async function remindersTick(
  dataSource: DataSource,
  config: Config,
  logger: Logger,
  holder: string,
  now: Date = new Date(),
): Promise<void> {
  const ttlMs = config.JOB_LEASE_SECONDS * 1000;
  if (!(await acquireLease(dataSource.manager, REMINDERS_LEASE, holder, now, ttlMs))) {
    logger.info({ tick: now }, "reminders already being sent by another server");
    return;
  }
  try {
    const reminders = await sendReminders(
      dataSource,
      {
        daysBefore: config.REMINDER_DAYS_BEFORE,
        attempts: config.REMINDER_SEND_ATTEMPTS,
        dashboardUrl: config.DASHBOARD_URL,
      },
      smtpMailer(config),
      logger,
      now,
    );
    if (reminders.length)
      logger.info({ reminders: reminders.length, statuses: reminders.map((r) => r.status) }, "reminders recorded");
  } catch (error) {
    logger.error({ err: error }, "reminders could not be sent");
  }
  try {
    const reminders = await sendPublicationReminders(
      dataSource,
      {
        daysBefore: config.REMINDER_DAYS_BEFORE,
        attempts: config.REMINDER_SEND_ATTEMPTS,
        recipients: config.ALERT_EMAILS,
      },
      smtpMailer(config),
      logger,
      now,
    );
    if (reminders.length) logger.info({ reminders: reminders.length }, "publication reminders recorded");
  } catch (error) {
    logger.error({ err: error }, "publication reminders could not be sent");
  }
  try {
    const notices = await notifyAlerts(
      dataSource,
      {
        recipients: config.ALERT_EMAILS,
        attempts: config.REMINDER_SEND_ATTEMPTS,
        dashboardUrl: config.DASHBOARD_URL,
      },
      smtpMailer(config),
      logger,
      now,
    );
    if (notices.length)
      logger.info({ notices: notices.length, statuses: notices.map((n) => n.status) }, "alert notices recorded");
  } catch (error) {
    logger.error({ err: error }, "alerts could not be e-mailed");
  } finally {
    await releaseLease(dataSource.manager, REMINDERS_LEASE, holder);
  }
}
