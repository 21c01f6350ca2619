import { SourceAlertKind } from "../../entities/enums";
import { ENUM_LABELS } from "../enum-labels";
import { ReminderMessage } from "../reminders/reminder-message";
import { italianInstant } from "../report/italian-format";

export interface AlertToTell {
  id: number;
  jobKey: string;
  kind: SourceAlertKind;
  runId: number;
  message: string;
  raisedAt: Date;
  clearedAt: Date | null;
}

/**
 * The message the administrators get about one alert: what is wrong with which source, the run
 * that found it, and where to look; an alert cleared before its message could go says so.
 */
export function alertMessage(alert: AlertToTell, dashboardUrl: string): ReminderMessage {
  const label = ENUM_LABELS.SourceAlertKind[alert.kind];
  const base = dashboardUrl.replace(/\/+$/, "");
  return {
    subject: `Avviso sulla fonte di ${alert.jobKey}: ${label.toLowerCase()}`,
    text: [
      "Gentile amministratrice, gentile amministratore,",
      `il ${italianInstant(alert.raisedAt.toISOString())} l'esecuzione ${alert.runId} di ${alert.jobKey} ha sollevato un avviso (${label}):`,
      alert.message,
      alert.clearedAt
        ? `L'avviso è già stato chiuso il ${italianInstant(alert.clearedAt.toISOString())} da un'esecuzione riuscita; questo messaggio non era ancora partito.`
        : "L'avviso resta aperto finché un'esecuzione successiva non riesce senza problemi; non riceverà altri messaggi su di esso.",
      `Gli avvisi aperti sono nella panoramica del cruscotto: ${base}/`,
      "Traguardo - monitoraggio del Piano degli Obiettivi",
    ].join("\n\n"),
  };
}
