import { FormEvent, useId, useState } from "react";
import { useClient, useMutation } from "urql";
import { StatusBadge } from "../../components/status-badge";
import { useFilters } from "../../filters";
import { decimalFromItalian, formatDate, formatScore } from "../../format/italian";
import { scoreStatus } from "../../format/status";
import { MonitoringDueQuery, ObjectiveScoreDocument, ReportMonitoringDocument } from "../../generated/graphql";
import { invalidField } from "../../graphql/errors";
import { PhaseFields, PhaseInput } from "./phase-fields";

type Due = MonitoringDueQuery["monitoringDue"][number];

/**
 * One objective's monitoring form: the values still missing, the progress of the phases due, and the
 * reason for a gap; sent as one report. The API's refusal is shown beside the part it names.
 */
export function DueObjective({
  due,
  date,
  onReported,
}: {
  due: Due;
  date: string;
  /** Told what was sent and the score now: the objective may leave the list once nothing is owed. */
  onReported: (confirmation: string) => void;
}) {
  const { year } = useFilters();
  const id = useId();
  const client = useClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [phases, setPhases] = useState<Record<string, PhaseInput>>({});
  const [gap, setGap] = useState({ reason: "", correctiveAction: "" });
  const [typo, setTypo] = useState<string | null>(null);
  const [{ fetching, error }, report] = useMutation(ReportMonitoringDocument);
  const problem = invalidField(error);
  const at = (field: string) => (problem && (problem.field ?? "form") === field ? problem.message : null);
  const known = ["values", "phases", "gaps"];
  const formProblem = problem && !known.includes(problem.field ?? "") ? problem.message : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTypo(null);
    const typed = Object.entries(values).filter(([, v]) => v.trim() !== "");
    const unreadable = typed.find(([, v]) => decimalFromItalian(v) === null);
    if (unreadable) {
      setTypo(`Il valore «${unreadable[1]}» non è un numero (es. 63 o 63,5).`);
      return;
    }
    const result = await report({
      input: {
        monitoringDate: date,
        objectiveKey: due.objective.key,
        unitCode: due.unit.code,
        note: null,
        values: typed.map(([kpiCode, v]) => ({ kpiCode, value: decimalFromItalian(v)! })),
        phases: Object.entries(phases)
          .filter(([, p]) => p.progress !== "")
          .map(([phaseCode, p]) => ({
            phaseCode,
            progress: p.progress as "DONE" | "ON_TIME" | "LATE",
            date: p.date || null,
            evidence: p.evidence.trim() || null,
          })),
        gaps: gap.reason.trim() || gap.correctiveAction.trim() ? [{ kpiCode: null, ...gap }] : [],
      },
    });
    if (result.error) return;
    // The score as the server now computes it, so what is shown is never a guess of ours.
    const score = await client
      .query(ObjectiveScoreDocument, { key: due.objective.key, year }, { requestPolicy: "network-only" })
      .toPromise();
    const attainment = score.data?.objective?.attainment;
    onReported(
      `Monitoraggio di «${due.objective.title}» inviato. Punteggio dell'obiettivo ora: ${formatScore(attainment?.score ?? null)}` +
        (attainment?.status === "INCOMPLETE" ? " (incompleto)." : "."),
    );
  };

  const valuesError = typo ?? at("values");
  return (
    <article className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {due.objective.number !== null && `${due.objective.number}. `}
        {due.objective.title}
      </h2>
      <p>
        <StatusBadge status={scoreStatus(due.objective.attainment.status, due.objective.attainment.score)} /> Punteggio
        attuale: <strong data-score="current">{formatScore(due.objective.attainment.score)}</strong>
        {due.lastReport && ` · ultimo monitoraggio al ${formatDate(due.lastReport.monitoringDate)}`}
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Monitoraggio di ${due.objective.title}`}>
        {due.missingValues.length > 0 && (
          <fieldset aria-describedby={valuesError ? `${id}-values-error` : undefined}>
            <legend>Valori dell'anno</legend>
            {due.missingValues.map((k) => (
              <label key={k.code}>
                {k.name} ({k.code})
                <input
                  inputMode="decimal"
                  value={values[k.code] ?? ""}
                  onChange={(e) => setValues({ ...values, [k.code]: e.target.value })}
                  aria-invalid={valuesError ? true : undefined}
                />
              </label>
            ))}
            {valuesError && (
              <p id={`${id}-values-error`} className="field-error" role="alert">
                {valuesError}
              </p>
            )}
          </fieldset>
        )}
        {due.missingPhases.length > 0 && (
          <PhaseFields
            phases={due.missingPhases}
            value={phases}
            onChange={setPhases}
            error={at("phases")}
            date={date}
          />
        )}
        <fieldset aria-describedby={at("gaps") ? `${id}-gaps-error` : undefined}>
          <legend>Scostamento{due.missingReason ? " (da motivare)" : " (se c'è)"}</legend>
          <label>
            Motivazione
            <textarea rows={2} value={gap.reason} onChange={(e) => setGap({ ...gap, reason: e.target.value })} />
          </label>
          <label>
            Azione correttiva
            <textarea
              rows={2}
              value={gap.correctiveAction}
              onChange={(e) => setGap({ ...gap, correctiveAction: e.target.value })}
            />
          </label>
          {at("gaps") && (
            <p id={`${id}-gaps-error`} className="field-error" role="alert">
              {at("gaps")}
            </p>
          )}
        </fieldset>
        {formProblem && (
          <p className="field-error" role="alert">
            {formProblem}
          </p>
        )}
        <button type="submit" disabled={fetching}>
          Invia il monitoraggio al {formatDate(date)}
        </button>
      </form>
    </article>
  );
}
