import { formatScore } from "../../format/italian";
import { OverviewQuery } from "../../generated/graphql";

type Unit = OverviewQuery["attainment"]["units"][number];

interface Row {
  key: string;
  title: string;
  scores: number[];
  incomplete: number;
}

/** The Obiettivi Gestionali across the directorates: their mean, range, and how many are still incomplete. */
function rowsOf(units: Unit[]): Row[] {
  const rows = new Map<string, Row>();
  for (const unit of units) {
    for (const o of unit.gestionale.objectives) {
      const row = rows.get(o.objective.key) ?? {
        key: o.objective.key,
        title: o.objective.title,
        scores: [],
        incomplete: 0,
      };
      if (o.score === null) row.incomplete += 1;
      else row.scores.push(o.score);
      rows.set(o.objective.key, row);
    }
  }
  return [...rows.values()];
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function GestionaliTable({ units }: { units: Unit[] }) {
  const rows = rowsOf(units);
  return (
    <section aria-labelledby="gestionali-title" className="card">
      <h2 id="gestionali-title">Obiettivi Gestionali nelle Direzioni</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Obiettivo</th>
            <th scope="col">Media</th>
            <th scope="col">Minimo – massimo</th>
            <th scope="col">Direzioni valutate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.title}</th>
              <td className="number">{formatScore(mean(row.scores))}</td>
              <td className="number">
                {row.scores.length
                  ? `${formatScore(Math.min(...row.scores))} – ${formatScore(Math.max(...row.scores))}`
                  : "—"}
              </td>
              <td className="number">
                {row.scores.length} di {row.scores.length + row.incomplete}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
