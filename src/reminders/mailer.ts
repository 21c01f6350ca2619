import nodemailer from "nodemailer";
import { Config } from "../config";
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
