import { FormEvent, useId, useState } from "react";
import { useMutation } from "urql";
import { useFilters } from "../../filters";
import { RunJobDocument } from "../../generated/graphql";
import { invalidField } from "../../graphql/errors";
import { useLabel } from "../../labels";
import { JOB_KEYS, jobLabel } from "./job-labels";

/** "Esegui ora": runs a job for a period and says how it went; the API's refusal beside the field it names. */
export function RunNowForm({ onRun }: { onRun: () => void }) {
  const id = useId();
  const label = useLabel();
  const { year } = useFilters();
  const [jobKey, setJobKey] = useState(JOB_KEYS[0]);
  const [period, setPeriod] = useState(`${year}-Q4`);
  const [{ fetching, data, error }, run] = useMutation(RunJobDocument);
  const problem = invalidField(error);
  const periodError = problem?.field === "period" ? problem.message : null;
  const otherError = problem && problem.field !== "period" ? problem.message : null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run({ jobKey, period: period.trim() });
    if (!result.error) onRun();
  };
  const result = data?.runJob;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Esegui ora</h2>
      <form className="inline" onSubmit={(event) => void submit(event)} noValidate>
        <label>
          Job
          <select value={jobKey} onChange={(e) => setJobKey(e.target.value)}>
            {JOB_KEYS.map((key) => (
              <option key={key} value={key}>
                {jobLabel(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Periodo (es. 2019 o 2019-Q4)
          <input
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            aria-invalid={periodError ? true : undefined}
            aria-describedby={periodError ? `${id}-period-error` : undefined}
          />
        </label>
        <button type="submit" disabled={fetching}>
          {fetching ? "In esecuzione…" : "Esegui ora"}
        </button>
      </form>
      {periodError && (
        <p id={`${id}-period-error`} className="field-error" role="alert">
          {periodError}
        </p>
      )}
      {otherError && (
        <p className="field-error" role="alert">
          {otherError}
        </p>
      )}
      {result && !error && (
        <p role="status" className={result.status === "SUCCEEDED" ? "success" : "flag"}>
          Esecuzione n. {result.id}: {label("JobRunStatus", result.status)}, {result.rowsRead} righe lette,{" "}
          {result.rowsRejected} scartate{result.error ? ` — ${result.error}` : ""}.
        </p>
      )}
    </section>
  );
}
