import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { StatusBadge } from "../../components/status-badge";
import { useFilters } from "../../filters";
import { formatKpiValue, formatScore } from "../../format/italian";
import { scoreStatus } from "../../format/status";
import { useLabel } from "../../labels";
import { HealthIndicatorsDocument } from "../../generated/graphql";
import { HealthKpi } from "./health-kpi";
import { KpiFreshnessCells } from "./kpi-freshness-cells";
import { latestValue } from "./latest-value";
import { TrendChart } from "./trend-chart";

/** The health indicators the Direzione Generale follows quarter by quarter (issue 17): ITP, overdue debt, CRM. */
const TRENDS = ["SAL-FIN-ITP", "SAL-FIN-DEBITO-SCADUTO", "SAL-CRM-ENTRO-SLA", "SAL-CRM-TEMPI-RISPOSTA-P90"];

function targetText(k: HealthKpi): string {
  if (!k.target) return "nessun target";
  return k.target.value != null ? formatKpiValue(k.target.value, k.kpi.unit) : k.target.description;
}

function LatestValue({ kpi, year }: { kpi: HealthKpi; year: number }) {
  const { value, period } = latestValue(kpi, year);
  return (
    <>
      {formatKpiValue(value, kpi.kpi.unit)}
      {period && <span className="computed"> ({period})</span>}
    </>
  );
}

/** Each health indicator with its latest value, target and status; the followed ones with their trend. */
export function HealthIndicators({ year }: { year: number }) {
  const { asOf } = useFilters();
  const label = useLabel();
  const [{ data, fetching, error }] = useQuery({ query: HealthIndicatorsDocument, variables: { year, asOf } });
  const objectives = data?.objectives.nodes ?? [];
  const kpis = objectives.flatMap((o) => o.attainment.kpis);
  const trends = TRENDS.map((code) => kpis.find((k) => k.kpi.code === code)).filter((k): k is HealthKpi => !!k);
  return (
    <section aria-labelledby="health-title" className="card">
      <h2 id="health-title">Indicatori di Salute dell'Ente</h2>
      <QueryState fetching={fetching} error={error} />
      <div className="trends">
        {trends.map((k) => (
          <TrendChart key={k.kpi.code} kpi={k} target={targetText(k)} year={year} />
        ))}
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">Indicatore</th>
            <th scope="col">Ambito</th>
            <th scope="col">Ultimo valore</th>
            <th scope="col">Target</th>
            <th scope="col">Punteggio</th>
            <th scope="col">Stato</th>
            <th scope="col">Ultimo periodo</th>
            <th scope="col">Atteso entro</th>
          </tr>
        </thead>
        <tbody>
          {objectives.flatMap((o) =>
            o.attainment.kpis.map((k) => (
              <tr key={k.kpi.code}>
                <th scope="row">{k.kpi.name}</th>
                <td>{label("HealthGroup", o.healthGroup)}</td>
                <td className="number">
                  <LatestValue kpi={k} year={year} />
                </td>
                <td>{targetText(k)}</td>
                <td className="number">{formatScore(k.score)}</td>
                <td>
                  <StatusBadge status={scoreStatus(k.status, k.score)} />
                </td>
                <KpiFreshnessCells kpi={k} />
              </tr>
            )),
          )}
        </tbody>
      </table>
      <p className="help">
        Atteso entro: la fine del periodo successivo all'ultimo rilevato più 30 giorni; in ritardo: oggi è oltre quella
        data.
      </p>
    </section>
  );
}
