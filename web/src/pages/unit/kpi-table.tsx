import { StatusBadge } from "../../components/status-badge";
import { formatKpiValue, formatNumber, formatScore } from "../../format/italian";
import { scoreStatus } from "../../format/status";
import { KpiExplanation } from "./kpi-explanation";
import { KpiFigures } from "./types";

/** The objective's KPIs: value against target and floor, weight, score; each opens its explanation. */
export function KpiTable({ kpis }: { kpis: KpiFigures[] }) {
  if (kpis.length === 0) return <p>Nessun indicatore definito.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Indicatore</th>
          <th scope="col">Valore</th>
          <th scope="col">Target</th>
          <th scope="col">Soglia minima</th>
          <th scope="col">Peso</th>
          <th scope="col">Punteggio</th>
          <th scope="col">Stato</th>
        </tr>
      </thead>
      <tbody>
        {kpis.map((k) => (
          <tr key={k.kpi.code}>
            <th scope="row">
              {k.kpi.name}
              <KpiExplanation figures={k} />
            </th>
            <td className="number">{formatKpiValue(k.value, k.kpi.unit)}</td>
            <td>
              {k.target?.value != null ? formatKpiValue(k.target.value, k.kpi.unit) : (k.target?.description ?? "—")}
            </td>
            <td className="number">{k.target?.bound != null ? formatKpiValue(k.target.bound, k.kpi.unit) : "—"}</td>
            <td className="number">{formatNumber(k.kpi.weight)}</td>
            <td className="number">{formatScore(k.score)}</td>
            <td>
              <StatusBadge status={scoreStatus(k.status, k.score)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
