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
  const mailer = smtpMailer(config);
  // Each errand stands alone: one that fails is logged and the others still go out.
  const errand = async (failure: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      logger.error({ err: error }, failure);
    }
  };
  try {
    await errand("reminders could not be sent", async () => {
      const reminders = await sendReminders(
        dataSource,
        {
          daysBefore: config.REMINDER_DAYS_BEFORE,
          attempts: config.REMINDER_SEND_ATTEMPTS,
          dashboardUrl: config.DASHBOARD_URL,
        },
        mailer,
        logger,
        now,
      );
      if (reminders.length)
        logger.info({ reminders: reminders.length, statuses: reminders.map((r) => r.status) }, "reminders recorded");
    });
    await errand("publication reminders could not be sent", async () => {
      const reminders = await sendPublicationReminders(
        dataSource,
        {
          daysBefore: config.REMINDER_DAYS_BEFORE,
          attempts: config.REMINDER_SEND_ATTEMPTS,
          recipients: config.ALERT_EMAILS,
        },
        mailer,
        logger,
        now,
      );
      if (reminders.length) logger.info({ reminders: reminders.length }, "publication reminders recorded");
    });
    await errand("alerts could not be e-mailed", async () => {
      const notices = await notifyAlerts(
        dataSource,
        {
          recipients: config.ALERT_EMAILS,
          attempts: config.REMINDER_SEND_ATTEMPTS,
          dashboardUrl: config.DASHBOARD_URL,
        },
        mailer,
        logger,
        now,
      );
      if (notices.length)
        logger.info({ notices: notices.length, statuses: notices.map((n) => n.status) }, "alert notices recorded");
    });
  } finally {
    await releaseLease(dataSource.manager, REMINDERS_LEASE, holder);
  }
}
