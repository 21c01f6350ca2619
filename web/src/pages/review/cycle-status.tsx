import { formatDateTime } from "../../format/italian";
import { NucleoReviewQuery } from "../../generated/graphql";
import { useLabel } from "../../labels";

type Cycle = NucleoReviewQuery["cycles"][number];

/** The year's evaluation cycle and its moves, oldest first. */
export function CycleStatus({ cycle }: { cycle: Cycle }) {
  const label = useLabel();
  return (
    <section className="card" aria-labelledby="cycle-title">
      <h2 id="cycle-title">Ciclo di valutazione {cycle.year}</h2>
      <p>
        Stato: <strong>{label("CycleStatus", cycle.status)}</strong>
      </p>
      {cycle.transitions.length > 0 && (
        <ol>
          {cycle.transitions.map((t) => (
            <li key={t.id}>
              {formatDateTime(t.at)}: da {label("CycleStatus", t.fromStatus)} a {label("CycleStatus", t.toStatus)}
              {t.actKey && ` (atto ${t.actKey})`}
              {t.actor && ` — ${t.actor}`}
              {t.note && `: ${t.note}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
