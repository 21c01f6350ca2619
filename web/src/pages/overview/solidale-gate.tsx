import { StatusBadge } from "../../components/status-badge";
import { formatKpiValue, formatScore } from "../../format/italian";
import { scoreStatus } from "../../format/status";
import { OverviewQuery } from "../../generated/graphql";
import { useLabel } from "../../labels";

type Gate = OverviewQuery["attainment"]["gate"];

function gateWord(open: boolean | null): { word: string; className: string } {
  if (open === null) return { word: "Non ancora valutabile", className: "badge-incompleto" };
  return open ? { word: "Aperto", className: "badge-raggiunto" } : { word: "Chiuso", className: "badge-non-raggiunto" };
}

/** The Solidale gate: open, closed or not yet judgeable, and each Solidale objective's score against its target. */
export function SolidaleGate({ gate }: { gate: Gate }) {
  const label = useLabel();
  const { word, className } = gateWord(gate.open);
  return (
    <section aria-labelledby="gate-title" className="card">
      <h2 id="gate-title">Obiettivi Solidali</h2>
      <p>
        Cancello: <span className={`badge ${className}`}>{word}</span> ({label("GateMode", gate.mode)}
        {gate.mode === "WEIGHTED_MEAN" ? `, soglia ${formatScore(gate.threshold)}` : ""})
        {gate.open !== gate.computedOpen && gate.computedOpen !== null && (
          <> · calcolato: {gateWord(gate.computedOpen).word.toLowerCase()}, deciso dal Nucleo</>
        )}
      </p>
      <table>
        <caption className="sr-only">Punteggio e target di ogni Obiettivo Solidale</caption>
        <thead>
          <tr>
            <th scope="col">Obiettivo</th>
            <th scope="col">Valore e target</th>
            <th scope="col">Punteggio</th>
            <th scope="col">Stato</th>
          </tr>
        </thead>
        <tbody>
          {gate.objectives.map((o) => (
            <tr key={o.objective.key}>
              <th scope="row">{o.objective.title}</th>
              <td>
                <ul className="plain">
                  {o.kpis.map((k) => (
                    <li key={k.kpi.code}>
                      {formatKpiValue(k.value, k.kpi.unit)} su{" "}
                      {k.target?.value != null
                        ? formatKpiValue(k.target.value, k.kpi.unit)
                        : (k.target?.description ?? "—")}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="number">
                {formatScore(o.score)}
                {o.score !== o.computedScore && (
                  <span className="computed"> (calcolato {formatScore(o.computedScore)})</span>
                )}
              </td>
              <td>
                <StatusBadge status={scoreStatus(o.status, o.score)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
