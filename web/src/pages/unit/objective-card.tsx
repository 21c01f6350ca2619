import { StatusBadge } from "../../components/status-badge";
import { formatScore } from "../../format/italian";
import { scoreStatus } from "../../format/status";
import { KpiTable } from "./kpi-table";
import { MonitoringReports } from "./monitoring-reports";
import { ObjectiveHistory } from "./objective-history";
import { PhaseTimeline } from "./phase-timeline";
import { ReviewList } from "./review-list";
import { ObjectiveFigures } from "./types";

/** Why an objective has no score, in Italian, from its KPIs' own statuses. */
function whatIsMissing(figures: ObjectiveFigures): string {
  const { kpis } = figures;
  if (kpis.length === 0) return "Nessun indicatore definito";
  const unscored = kpis.filter((k) => k.status === "INCOMPLETE").length;
  return `${unscored} indicatori su ${kpis.length} senza punteggio`;
}

/** One objective of the scheda: its status and score (in force, and computed when the Nucleo changed it), then the rest. */
export function ObjectiveCard({ figures }: { figures: ObjectiveFigures }) {
  const { objective } = figures;
  const titleId = `obj-${objective.key}`;
  return (
    <article className="card" aria-labelledby={titleId} data-objective={objective.key}>
      <h3 id={titleId}>
        {objective.number !== null && `${objective.number}. `}
        {objective.title}
      </h3>
      <p>
        <StatusBadge status={scoreStatus(figures.status, figures.score)} /> Punteggio in vigore:{" "}
        <strong data-score="in-force">{formatScore(figures.score)}</strong>
        {figures.computedScore !== figures.score && (
          <>
            {" "}
            · Punteggio calcolato: <span data-score="computed">{formatScore(figures.computedScore)}</span>
          </>
        )}
        {figures.status === "INCOMPLETE" && <span className="computed"> · {whatIsMissing(figures)}</span>}
      </p>
      <ReviewList reviews={figures.reviews} />
      <KpiTable kpis={figures.kpis} />
      {objective.collaborators.length > 0 && (
        <p>Collaborano: {objective.collaborators.map((c) => c.name).join(", ")}</p>
      )}
      <PhaseTimeline phases={objective.phases} />
      <MonitoringReports reports={objective.monitoringReports} />
      <ObjectiveHistory history={objective.history} />
    </article>
  );
}
