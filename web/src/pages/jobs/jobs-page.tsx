import { useState } from "react";
import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { JobRunsDocument, JobRunStatus } from "../../generated/graphql";
import { useLabel } from "../../labels";
import { JOB_KEYS, jobLabel } from "./job-labels";
import { JobRunRow } from "./job-run-row";
import { RunNowForm } from "./run-now-form";

const STATUSES: JobRunStatus[] = ["SUCCEEDED", "FAILED", "INTERRUPTED", "RUNNING", "SKIPPED"];

/** Processi: the job runs with their rejected rows, and "run now" (ADMIN). */
export function JobsPage() {
  const label = useLabel();
  const [jobKey, setJobKey] = useState<string | null>(null);
  const [status, setStatus] = useState<JobRunStatus | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: JobRunsDocument,
    variables: { jobKey, status, after },
  });
  const runs = data?.jobRuns;
  return (
    <>
      <h1>Processi</h1>
      <RunNowForm onRun={() => refetch({ requestPolicy: "network-only" })} />
      <section className="card" aria-labelledby="runs-title">
        <h2 id="runs-title">Esecuzioni</h2>
        <form className="inline" onSubmit={(e) => e.preventDefault()} aria-label="Filtri delle esecuzioni">
          <label>
            Job
            <select
              value={jobKey ?? ""}
              onChange={(e) => {
                setAfter(null);
                setJobKey(e.target.value || null);
              }}
            >
              <option value="">Tutti</option>
              {JOB_KEYS.map((key) => (
                <option key={key} value={key}>
                  {jobLabel(key)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Esito
            <select
              value={status ?? ""}
              onChange={(e) => {
                setAfter(null);
                setStatus((e.target.value || null) as JobRunStatus | null);
              }}
            >
              <option value="">Tutti</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label("JobRunStatus", s)}
                </option>
              ))}
            </select>
          </label>
        </form>
        <QueryState fetching={fetching} error={error} />
        {runs && (
          <>
            <p>{runs.totalCount} esecuzioni.</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">N.</th>
                  <th scope="col">Job</th>
                  <th scope="col">Periodo</th>
                  <th scope="col">Esito</th>
                  <th scope="col">Avvio e fine</th>
                  <th scope="col">Righe lette / accettate / scartate</th>
                  <th scope="col">Avviata da</th>
                  <th scope="col">Dettagli</th>
                </tr>
              </thead>
              <tbody>
                {runs.nodes.map((run) => (
                  <JobRunRow key={run.id} run={run} />
                ))}
              </tbody>
            </table>
            {runs.pageInfo.hasNextPage && (
              <button type="button" className="secondary" onClick={() => setAfter(runs.pageInfo.endCursor)}>
                Esecuzioni precedenti
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
