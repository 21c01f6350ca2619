import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { formatDateTime } from "../../format/italian";
import { OpenSourceAlertsDocument } from "../../generated/graphql";
import { useLabel } from "../../labels";
import { jobLabel } from "../jobs/job-labels";

/**
 * Allarmi sulle fonti: the alerts still open on the jobs' sources (issue 18 §3), each with its kind
 * in words, the source, since when and the run that raised it. An alert stays until a later run of
 * its job succeeds, so this is what still needs someone's attention, not a history.
 */
export function SourceAlerts() {
  const label = useLabel();
  const [{ data, fetching, error }] = useQuery({ query: OpenSourceAlertsDocument });
  const alerts = data?.sourceAlerts ?? [];
  return (
    <section aria-labelledby="source-alerts-title" className="card">
      <h2 id="source-alerts-title">Allarmi sulle fonti</h2>
      <QueryState fetching={fetching} error={error} />
      {data && alerts.length === 0 && <p>Nessun allarme aperto: le ultime esecuzioni sono andate a buon fine.</p>}
      {alerts.length > 0 && (
        <table>
          <caption className="sr-only">{alerts.length} allarmi aperti, dal più recente</caption>
          <thead>
            <tr>
              <th scope="col">Allarme</th>
              <th scope="col">Fonte</th>
              <th scope="col">Aperto dal</th>
              <th scope="col">Esecuzione</th>
              <th scope="col">Dettaglio</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((alert) => (
              <tr key={alert.id} className="alert-row">
                <th scope="row">{label("SourceAlertKind", alert.kind)}</th>
                <td>{jobLabel(alert.jobKey)}</td>
                <td>{formatDateTime(alert.raisedAt)}</td>
                <td className="number">n. {alert.runId}</td>
                <td>{alert.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="help">Un allarme si chiude da sé quando un'esecuzione successiva della stessa fonte riesce.</p>
    </section>
  );
}
