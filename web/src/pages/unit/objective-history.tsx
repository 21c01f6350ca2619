import { formatDate } from "../../format/italian";
import { useLabel } from "../../labels";
import { ObjectiveFigures } from "./types";

type Change = ObjectiveFigures["objective"]["history"][number];

/** Every change to the objective, oldest first, each with the act it rests on. */
export function ObjectiveHistory({ history }: { history: Change[] }) {
  const label = useLabel();
  return (
    <details>
      <summary>Storia delle modifiche ({history.length})</summary>
      <ol>
        {history.map((c) => (
          <li key={c.id}>
            {formatDate(c.effectiveDate)}: {label("PlanChangeKind", c.kind)}
            {c.newTitle && ` in «${c.newTitle}»`} — {label("ActKind", c.act.kind)}
            {c.act.number && ` n. ${c.act.number}`} del {formatDate(c.act.date)}: {c.act.subject}
            {c.fields && c.fields.length > 0 && (
              <ul>
                {c.fields.map((f) => (
                  <li key={f.field}>
                    {f.field}: {f.before ?? "—"} → {f.after ?? "—"}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
