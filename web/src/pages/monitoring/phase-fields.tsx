import { useId } from "react";
import { ItalianDateInput } from "../../components/italian-date-input";
import { formatDate } from "../../format/italian";
import { MonitoringDueQuery } from "../../generated/graphql";

type Phase = MonitoringDueQuery["monitoringDue"][number]["missingPhases"][number];

export interface PhaseInput {
  progress: "" | "DONE" | "ON_TIME" | "LATE";
  date: string;
  evidence: string;
}

const EMPTY: PhaseInput = { progress: "", date: "", evidence: "" };

interface Props {
  phases: Phase[];
  value: Record<string, PhaseInput>;
  onChange: (value: Record<string, PhaseInput>) => void;
  error: string | null;
  date: string;
}

/** The phases due by the monitoring date: done (and when), on time, or late (and when now expected). */
export function PhaseFields({ phases, value, onChange, error, date }: Props) {
  const id = useId();
  const set = (code: string, change: Partial<PhaseInput>) =>
    onChange({ ...value, [code]: { ...(value[code] ?? EMPTY), ...change } });
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Avanzamento delle fasi dovute al {formatDate(date)}</legend>
      {phases.map((p) => {
        const input = value[p.code] ?? EMPTY;
        return (
          <div key={p.code} className="phase-input">
            <label>
              {p.name} (prevista il {formatDate(p.plannedDate)})
              <select
                value={input.progress}
                onChange={(e) => set(p.code, { progress: e.target.value as PhaseInput["progress"] })}
                aria-invalid={error ? true : undefined}
              >
                <option value="">—</option>
                <option value="DONE">Conclusa</option>
                <option value="ON_TIME">In tempo</option>
                <option value="LATE">In ritardo</option>
              </select>
            </label>
            <ItalianDateInput
              label={input.progress === "LATE" ? "Nuova data prevista" : "Data di conclusione"}
              value={input.date || null}
              onChange={(date) => set(p.code, { date: date ?? "" })}
            />
            <label>
              Documento o atto che lo attesta
              <input value={input.evidence} onChange={(e) => set(p.code, { evidence: e.target.value })} />
            </label>
          </div>
        );
      })}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
