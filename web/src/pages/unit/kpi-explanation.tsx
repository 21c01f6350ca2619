import { formatDate, formatDateTime, formatKpiValue, formatScore } from "../../format/italian";
import { useLabel } from "../../labels";
import { jobLabel } from "../jobs/job-labels";
import { KpiFigures } from "./types";

/**
 * Where a KPI's figure comes from, in Italian, from the same fields the API's explain is written
 * from: the value and who or which job run recorded it, the target and the act that set it, the rule.
 */
export function KpiExplanation({ figures }: { figures: KpiFigures }) {
  const label = useLabel();
  const { kpi, measurement, target } = figures;
  return (
    <details className="explain">
      <summary>Spiegazione</summary>
      <ul>
        <li>
          Indicatore {kpi.code}, {label("KpiDirection", kpi.direction).toLowerCase()}.
        </li>
        {measurement ? (
          <li>
            Valore {formatKpiValue(figures.value, kpi.unit)} (rilevazione n. {measurement.id}
            {measurement.jobRun
              ? `, calcolata dall'esecuzione n. ${measurement.jobRun.id} di «${jobLabel(measurement.jobRun.jobKey)}» per ${measurement.jobRun.period}`
              : measurement.recordedBy
                ? `, registrata da ${measurement.recordedBy}`
                : ""}
            , il {formatDateTime(measurement.recordedAt)}).
          </li>
        ) : (
          <li>Nessun valore per l'anno.</li>
        )}
        {target ? (
          <li>
            Target: {target.value != null ? formatKpiValue(target.value, kpi.unit) : target.description}
            {target.bound != null && `, soglia ${formatKpiValue(target.bound, kpi.unit)}`}; fissato da{" "}
            {label("ActKind", target.act.kind)} n. {target.act.number ?? "—"} del {formatDate(target.act.date)} (
            {target.act.key}).
          </li>
        ) : (
          <li>Nessun target per l'anno.</li>
        )}
        <li>
          Punteggio {formatScore(figures.score)}, regola {label("ScoringRule", kpi.scoring).toLowerCase()}.
        </li>
      </ul>
    </details>
  );
}
