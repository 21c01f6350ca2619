import { Fragment, useState } from "react";
import { formatDateTime, formatNumber } from "../../format/italian";
import { JobRunsQuery } from "../../generated/graphql";
import { useLabel } from "../../labels";
import { jobLabel } from "./job-labels";
import { RejectedRows } from "./rejected-rows";

type Run = JobRunsQuery["jobRuns"]["nodes"][number];

/** One run; a failed or interrupted one marked in words, its rejected rows opened on demand. */
export function JobRunRow({ run }: { run: Run }) {
  const label = useLabel();
  const [open, setOpen] = useState(false);
  const failed = run.status === "FAILED" || run.status === "INTERRUPTED";
  return (
    <Fragment>
      <tr className={failed ? "alert-row" : undefined}>
        <td className="number">{run.id}</td>
        <th scope="row">{jobLabel(run.jobKey)}</th>
        <td>{run.period}</td>
        <td>
          {failed ? (
            <strong className="flag">{label("JobRunStatus", run.status)}</strong>
          ) : (
            label("JobRunStatus", run.status)
          )}
          {run.error && <div className="computed">{run.error}</div>}
        </td>
        <td>
          {formatDateTime(run.startedAt)} – {formatDateTime(run.finishedAt)}
        </td>
        <td className="number">
          {formatNumber(run.rowsRead)} / {formatNumber(run.rowsAccepted)} / {formatNumber(run.rowsRejected)}
        </td>
        <td>{run.triggeredBy === "scheduler" ? "Pianificazione" : run.triggeredBy}</td>
        <td>
          {run.rowsRejected > 0 && (
            <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
              Righe scartate<span className="sr-only"> dell'esecuzione {run.id}</span>
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={8}>
            <RejectedRows runId={run.id} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
