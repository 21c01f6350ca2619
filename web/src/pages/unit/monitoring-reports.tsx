import { formatDate, formatDateTime } from "../../format/italian";
import { ObjectiveFigures } from "./types";

type Report = ObjectiveFigures["objective"]["monitoringReports"][number];

/** The directorates' monitoring reports on the objective, with the gap reasons and corrective actions. */
export function MonitoringReports({ reports }: { reports: Report[] }) {
  if (reports.length === 0) return null;
  return (
    <section>
      <h4>Monitoraggi</h4>
      <ul>
        {reports.map((r) => (
          <li key={r.id}>
            Al {formatDate(r.monitoringDate)} ({r.unit.code}), inviato il {formatDateTime(r.reportedAt)}
            {r.reportedBy && ` da ${r.reportedBy}`}
            {r.note && `: ${r.note}`}
            {r.gaps.length > 0 && (
              <ul>
                {r.gaps.map((g, i) => (
                  <li key={i}>
                    Scostamento{g.kpiCode ? ` su ${g.kpiCode}` : " dell'obiettivo"}: {g.reason}. Azione correttiva:{" "}
                    {g.correctiveAction}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
