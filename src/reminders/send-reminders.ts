import { DataSource, In } from "typeorm";
import { ReminderKind, ReminderStatus } from "../../entities/enums";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Reminder } from "../../entities/reminder.entity";
import { todayInRome } from "../dates";
import { Logger } from "../logger";
import { monitoringDue, ObjectiveDue } from "../monitoring/monitoring-due";
import { readObjectivesByOwner } from "../plan/objectives-by-owner";
import { italianDate } from "../report/italian-format";
import { readEntities } from "../read-entities";
import { Mailer, sendWithAttempts } from "./mailer";
import { nextMonitoringDate } from "./monitoring-calendar";
import { directorsOf } from "./recipients";
import { reminderMessage, UnitOwing } from "./reminder-message";
import { missingTargets } from "./missing-targets";
import { fingerprintOf, owedItems } from "./owed-items";

export interface ReminderSettings {
  daysBefore: number;
  attempts: number;
  dashboardUrl: string;
}

type Row = Omit<Reminder, "id" | "unit">;

/**
 * Before a monitoring date, reminds each unit of what it still owes: one message per director for
 * all the units they head, recorded per unit (who, what, when, how it went). A unit is not chased
 * twice in a day for the same list; a failed send is recorded and tried again at the next run.
 * Without a mailer (no SMTP) or a director's address, the reminder is recorded with why, and not sent.
 */
export async function sendReminders(
  dataSource: DataSource,
  settings: ReminderSettings,
  mailer: Mailer | null,
  logger: Logger,
  now: Date = new Date(),
): Promise<Reminder[]> {
  const { manager } = dataSource;
  const day = todayInRome(now);
  const monitoringDate = nextMonitoringDate(day, settings.daysBefore);
  if (monitoringDate === null) return [];
  const units = new Map((await readEntities(manager.createQueryBuilder(OrgUnit, "u"))).map((u) => [u.id, u]));
  const owned = await readObjectivesByOwner(manager, Number(monitoringDate.slice(0, 4)), monitoringDate, () =>
    Promise.resolve(units),
  );
  const byUnit = new Map<number, ObjectiveDue[]>();
  for (const due of await monitoringDue(manager, monitoringDate, owned))
    byUnit.set(due.unitId, [...(byUnit.get(due.unitId) ?? []), due]);
  const targets = await missingTargets(manager, monitoringDate, owned);
  const unitIds = [...new Set([...byUnit.keys(), ...targets.keys()])];
  const [directors, earlier] = await Promise.all([
    directorsOf(manager, unitIds, day),
    unitIds.length ? manager.findBy(Reminder, { day, monitoringDate, unitId: In(unitIds) }) : [],
  ]);
  const rows: Row[] = [];
  const toSend = new Map<string, Array<UnitOwing & { unitId: number; fingerprint: string }>>();
  for (const unitId of unitIds) {
    const items = [...owedItems(byUnit.get(unitId) ?? []), ...(targets.get(unitId) ?? [])];
    const fingerprint = fingerprintOf(items);
    const recipient = directors.get(unitId)?.email ?? null;
    const status =
      recipient === null ? ReminderStatus.NO_RECIPIENT : mailer ? ReminderStatus.SENT : ReminderStatus.LISTED;
    // Sent today for this list: done. Listed or without an address: not listed again until that changes.
    const done = earlier.some(
      (r) =>
        r.unitId === unitId &&
        r.fingerprint === fingerprint &&
        (r.status === ReminderStatus.SENT || r.status === status),
    );
    if (done) continue;
    const row = {
      kind: ReminderKind.MONITORING,
      day,
      monitoringDate,
      unitId,
      recipient,
      items,
      fingerprint,
      attempts: 0,
      recordedAt: now,
    };
    if (status === ReminderStatus.NO_RECIPIENT)
      rows.push({
        ...row,
        status,
        reason: directors.has(unitId)
          ? "Nessun indirizzo e-mail registrato per chi dirige l'unità"
          : `Nessun direttore in carica il ${italianDate(day)}`,
      });
    else if (status === ReminderStatus.LISTED)
      rows.push({ ...row, status, reason: "SMTP non configurato (SMTP_URL): promemoria solo elencato" });
    else {
      const unit = units.get(unitId)!;
      toSend.set(recipient!, [
        ...(toSend.get(recipient!) ?? []),
        { unitId, fingerprint, code: unit.code, name: unit.name, items },
      ]);
    }
  }
  for (const [recipient, owing] of toSend) {
    const outcome = await sendWithAttempts(
      mailer!,
      recipient,
      reminderMessage(monitoringDate, owing, settings.dashboardUrl),
      settings.attempts,
    );
    for (const u of owing)
      rows.push({
        kind: ReminderKind.MONITORING,
        day,
        monitoringDate,
        unitId: u.unitId,
        recipient,
        items: u.items,
        fingerprint: u.fingerprint,
        recordedAt: now,
        ...outcome,
      });
  }
  const listed = rows.filter((r) => r.status === ReminderStatus.LISTED).length;
  if (listed) logger.info({ monitoringDate, units: listed }, "SMTP_URL is not set: reminders listed, not sent");
  for (const r of rows.filter((r) => r.status === ReminderStatus.FAILED))
    logger.warn(
      { monitoringDate, unitId: r.unitId, reason: r.reason },
      "reminder not sent: tried again at the next run",
    );
  if (rows.length === 0) return [];
  const inserted = await manager.insert(Reminder, rows);
  return manager.find(Reminder, {
    where: { id: In(inserted.identifiers.map((i) => i.id as number)) },
    order: { id: "ASC" },
  });
}
