import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { formatDateTime, todayInMilan } from "../../format/italian";
import { FreshnessDocument, FreshnessQuery } from "../../generated/graphql";
import { useLabel } from "../../labels";
import { jobLabel } from "../jobs/job-labels";

type Run = FreshnessQuery["jobRuns"]["nodes"][number];

/** A source is late when it has had no successful run in this many days before the date shown. */
export const LATE_AFTER_DAYS = 100;

const DAY = 86_400_000;

function isLate(lastSuccess: Run | undefined, asOf: string): boolean {
  if (!lastSuccess?.finishedAt) return true;
  return new Date(`${asOf}T23:59:59Z`).getTime() - new Date(lastSuccess.finishedAt).getTime() > LATE_AFTER_DAYS * DAY;
}

/** Freshness: each source's last run, failed ones and late ones said in words and marked. */
export function Freshness({ asOf }: { asOf: string | null }) {
  const label = useLabel();
  const [{ data, fetching, error }] = useQuery({ query: FreshnessDocument });
  const runs = data?.jobRuns.nodes ?? [];
  const reference = asOf ?? todayInMilan();
  const sources = [...new Set(runs.map((r) => r.jobKey))].sort();
  return (
    <section aria-labelledby="freshness-title" className="card">
      <h2 id="freshness-title">Aggiornamento dei dati</h2>
      <QueryState fetching={fetching} error={error} />
      {data && sources.length === 0 && <p>Nessuna esecuzione registrata.</p>}
      {sources.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Fonte</th>
              <th scope="col">Ultima esecuzione</th>
              <th scope="col">Periodo</th>
              <th scope="col">Esito</th>
              <th scope="col">Righe scartate</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => {
              const last = runs.find((r) => r.jobKey === source)!;
              const late = isLate(
                runs.find((r) => r.jobKey === source && r.status === "SUCCEEDED"),
                reference,
              );
              const failed = last.status === "FAILED" || last.status === "INTERRUPTED";
              return (
                <tr key={source} className={failed || late ? "alert-row" : undefined}>
                  <th scope="row">{jobLabel(source)}</th>
                  <td>{formatDateTime(last.finishedAt ?? last.startedAt)}</td>
                  <td>{last.period}</td>
                  <td>
                    {label("JobRunStatus", last.status)}
                    {late && <strong className="flag"> · in ritardo</strong>}
                  </td>
                  <td className="number">{last.rowsRejected}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="help">
        In ritardo: nessuna esecuzione riuscita nei {LATE_AFTER_DAYS} giorni prima della data di riferimento.
      </p>
    </section>
  );
}
