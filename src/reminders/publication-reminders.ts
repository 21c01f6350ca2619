import { DataSource, In } from "typeorm";
import { PublicationStatus, ReminderKind, ReminderStatus } from "../../entities/enums";
import { Reminder } from "../../entities/reminder.entity";
import { dayNumber, todayInRome } from "../dates";
import { ENUM_LABELS } from "../enum-labels";
import { Logger } from "../logger";
import { italianDate } from "../report/italian-format";
import { publicationsOf } from "../statutory/publications";
import { deadlinesOf } from "../statutory/transparency-calendar";
import { Mailer, sendWithAttempts } from "./mailer";
import { fingerprintOf } from "./owed-items";

export interface PublicationReminderSettings {
  daysBefore: number;
  attempts: number;
  /** ALERT_EMAILS: the administrators, who pass it on to the Ragioneria. */
  recipients: readonly string[];
}

const DONE = [PublicationStatus.PUBLISHED, PublicationStatus.PUBLISHED_LATE];

/**
 * Before each publication deadline of the transparency calendar (within `daysBefore` days), one
 * reminder to the administrators of what is still to publish, with whether its figures are ready.
 * The Ragioneria publishes in Amministrazione Trasparente; Traguardo has no address of its own for
 * it, so the administrators' (ALERT_EMAILS) get it. Same record and once-a-day rule as the units'.
 */
export async function sendPublicationReminders(
  dataSource: DataSource,
  settings: PublicationReminderSettings,
  mailer: Mailer | null,
  logger: Logger,
  now: Date = new Date(),
): Promise<Reminder[]> {
  const day = todayInRome(now);
  const year = Number(day.slice(0, 4));
  const near = (due: string) => due >= day && dayNumber(due) - dayNumber(day) <= settings.daysBefore;
  const years = [year - 1, year].filter((y) => deadlinesOf(y).some((d) => near(d.dueDate)));
  const owed = (await Promise.all(years.map((y) => publicationsOf(dataSource, y, day))))
    .flat()
    .filter((p) => near(p.dueDate) && !DONE.includes(p.status));
  const dueDates = [...new Set(owed.map((p) => p.dueDate))].sort();
  if (dueDates.length === 0) return [];
  const earlier = await dataSource.manager.findBy(Reminder, {
    kind: ReminderKind.PUBLICATION,
    day,
    monitoringDate: In(dueDates),
  });
  const recipient = settings.recipients.length ? settings.recipients.join(", ") : null;
  const status =
    recipient === null ? ReminderStatus.NO_RECIPIENT : mailer ? ReminderStatus.SENT : ReminderStatus.LISTED;
  const rows: Array<Omit<Reminder, "id" | "unit">> = [];
  for (const dueDate of dueDates) {
    const items = owed
      .filter((p) => p.dueDate === dueDate)
      .map(
        (p) =>
          `${ENUM_LABELS.TransparencyObligation[p.obligation]}, ${p.period}: ${p.ready ? "dati pronti, da pubblicare" : `dati non ancora pronti (${p.missing.join("; ")})`}`,
      );
    const fingerprint = fingerprintOf(items);
    if (
      earlier.some(
        (r) =>
          r.monitoringDate === dueDate &&
          r.fingerprint === fingerprint &&
          (r.status === ReminderStatus.SENT || r.status === status),
      )
    )
      continue;
    const row = {
      kind: ReminderKind.PUBLICATION,
      day,
      monitoringDate: dueDate,
      unitId: null,
      recipient,
      items,
      fingerprint,
      recordedAt: now,
    };
    if (status === ReminderStatus.NO_RECIPIENT)
      rows.push({
        ...row,
        status,
        attempts: 0,
        reason: "Nessun indirizzo degli amministratori configurato (ALERT_EMAILS)",
      });
    else if (status === ReminderStatus.LISTED)
      rows.push({ ...row, status, attempts: 0, reason: "SMTP non configurato (SMTP_URL): promemoria solo elencato" });
    else {
      const date = italianDate(dueDate);
      const message = {
        subject: `Amministrazione Trasparente: pubblicazioni in scadenza il ${date}`,
        text: [
          "Gentile amministratrice, gentile amministratore,",
          `entro il ${date} vanno pubblicati in Amministrazione Trasparente:`,
          items.map((item) => `- ${item}`).join("\n"),
          "La pubblicazione spetta alla Ragioneria: inoltrate questo promemoria e, a pubblicazione avvenuta, registratela (recordPublication).",
          "Traguardo - monitoraggio del Piano degli Obiettivi",
        ].join("\n\n"),
      };
      rows.push({ ...row, ...(await sendWithAttempts(mailer!, recipient!, message, settings.attempts)) });
    }
  }
  for (const r of rows.filter((r) => r.status !== ReminderStatus.SENT))
    logger.info({ dueDate: r.monitoringDate, status: r.status, reason: r.reason }, "publication reminder not sent");
  if (rows.length === 0) return [];
  const inserted = await dataSource.manager.insert(Reminder, rows);
  return dataSource.manager.find(Reminder, {
    where: { id: In(inserted.identifiers.map((i) => i.id as number)) },
    order: { id: "ASC" },
  });
}
