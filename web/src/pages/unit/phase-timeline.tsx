import { formatDate, formatNumber } from "../../format/italian";
import { useLabel } from "../../labels";
import { ObjectiveFigures } from "./types";

type Phase = ObjectiveFigures["objective"]["phases"][number];

/** The cronoprogramma: each phase's planned date against the date reported, in order. */
export function PhaseTimeline({ phases }: { phases: Phase[] }) {
  const label = useLabel();
  if (phases.length === 0) return null;
  return (
    <section>
      <h4>Cronoprogramma</h4>
      <ol className="timeline">
        {phases.map((p) => (
          <li key={p.code}>
            <strong>{p.name}</strong> (peso {formatNumber(p.weight)}) · prevista il {formatDate(p.plannedDate)} ·{" "}
            {p.progress ? (
              <>
                <span
                  className={`badge badge-${p.progress.progress === "LATE" ? "non-raggiunto" : p.progress.progress === "DONE" ? "raggiunto" : "parziale"}`}
                >
                  {label("PhaseProgress", p.progress.progress)}
                </span>
                {p.progress.date && ` il ${formatDate(p.progress.date)}`}
                {p.progress.evidence && ` — ${p.progress.evidence}`}
              </>
            ) : (
              "nessuna segnalazione"
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
