import { formatDate } from "../../format/italian";
import { HealthKpi } from "./health-kpi";
import { apiPeriodLabel } from "./latest-value";

/**
 * A KPI's freshness as the API gives it (Kpi.freshness): the latest period with a value and the day
 * the next is due by, "in ritardo" in words once that day is past.
 */
export function KpiFreshnessCells({ kpi }: { kpi: HealthKpi }) {
  const { lastPeriod, expectedBy, overdue } = kpi.kpi.freshness;
  return (
    <>
      <td>{lastPeriod ? apiPeriodLabel(lastPeriod) : "nessun valore"}</td>
      <td data-freshness={overdue ? "overdue" : "on-time"}>
        {formatDate(expectedBy)}
        {overdue && <strong className="flag"> · in ritardo</strong>}
      </td>
    </>
  );
}
