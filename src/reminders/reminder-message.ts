import { italianDate } from "../report/italian-format";

export interface UnitOwing {
  code: string;
  name: string;
  items: string[];
}

export interface ReminderMessage {
  subject: string;
  text: string;
}

/**
 * One message to a director for every unit they head that still owes something for the
 * monitoring date: a clear list per unit and the link to its page on the dashboard.
 */
export function reminderMessage(
  monitoringDate: string,
  units: readonly UnitOwing[],
  dashboardUrl: string,
): ReminderMessage {
  const date = italianDate(monitoringDate);
  const base = dashboardUrl.replace(/\/+$/, "");
  const sections = units.map(
    (u) =>
      `${u.name} (${u.code})\n${u.items.map((item) => `- ${item}`).join("\n")}\nCruscotto: ${base}/${encodeURIComponent(u.code)}`,
  );
  return {
    subject: `Monitoraggio al ${date}: cosa resta da inviare`,
    text: [
      "Gentile Direttrice, gentile Direttore,",
      `per il monitoraggio degli obiettivi al ${date} risultano ancora da inviare:`,
      ...sections,
      "Il promemoria si ripete finché qualcosa resta da inviare, al più una volta al giorno.",
      "Traguardo - monitoraggio del Piano degli Obiettivi",
    ].join("\n\n"),
  };
}
