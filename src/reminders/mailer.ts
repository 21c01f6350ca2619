import nodemailer from "nodemailer";
import { Config } from "../config";
import { ReminderStatus } from "../../entities/enums";
import { ReminderMessage } from "./reminder-message";

/** Sends one message; rejects with the server's answer when it refuses or cannot be reached. */
export type Mailer = (to: string, message: ReminderMessage) => Promise<void>;

/** The SMTP mailer the configuration names, or null when SMTP_URL is unset (reminders are then only listed). */
export function smtpMailer(config: Pick<Config, "SMTP_URL" | "REMINDER_FROM">): Mailer | null {
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return async (to, message) => {
    await transport.sendMail({ from: config.REMINDER_FROM, to, subject: message.subject, text: message.text });
  };
}

/**
 * Tries a message up to `attempts` times in a row: the outcome to record. Retries are immediate
 * (nothing sleeps in a tick); the next tick is the backoff.
 */
export async function sendWithAttempts(
  mailer: Mailer,
  recipient: string,
  message: ReminderMessage,
  attempts: number,
): Promise<{ status: ReminderStatus.SENT | ReminderStatus.FAILED; attempts: number; reason: string | null }> {
  let last = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await mailer(recipient, message);
      return { status: ReminderStatus.SENT, attempts: attempt, reason: null };
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  return { status: ReminderStatus.FAILED, attempts, reason: `Invio non riuscito dopo ${attempts} tentativi: ${last}` };
}
