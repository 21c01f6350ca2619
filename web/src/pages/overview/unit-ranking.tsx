import { useMemo } from "react";
import { Chart } from "../../components/chart";
import { formatScore } from "../../format/italian";
import { OverviewQuery } from "../../generated/graphql";
import { unitHref } from "../../routes";

type Unit = OverviewQuery["attainment"]["units"][number];

/** Each directorate's organisational score, best first, as a bar chart and as the table it draws. */
export function UnitRanking({ units }: { units: Unit[] }) {
  const ranked = useMemo(
    () =>
      units
        .filter((u): u is Unit & { score: number } => u.score !== null)
        .sort((a, b) => b.score - a.score || a.unit.name.localeCompare(b.unit.name, "it")),
    [units],
  );
  const unscored = units.filter((u) => u.score === null);
  const option = useMemo(
    () => ({
      // ECharts 6 keeps axis labels inside the box (outerBounds); the bottom margin leaves room for the x axis.
      grid: { left: 8, right: 48, top: 8, bottom: 28 },
      tooltip: { trigger: "axis", valueFormatter: (v: number) => formatScore(v) },
      xAxis: { type: "value", max: 1, axisLabel: { formatter: (v: number) => formatScore(v) } },
      yAxis: { type: "category", inverse: true, data: ranked.map((u) => u.unit.code), axisLabel: { color: "#1f2933" } },
      series: [
        {
          type: "bar",
          name: "Punteggio",
          data: ranked.map((u) => u.score),
          itemStyle: { color: "#1d5fa8" },
          label: { show: true, position: "right", formatter: (p: { value: number }) => formatScore(p.value) },
        },
      ],
    }),
    [ranked],
  );
  return (
    <section aria-labelledby="ranking-title" className="card wide">
      <h2 id="ranking-title">Punteggio delle Direzioni</h2>
      {ranked.length > 0 ? (
        <Chart
          option={option}
          label={`Classifica di ${ranked.length} direzioni per punteggio organizzativo, dalla più alta`}
          height={Math.max(160, ranked.length * 22)}
        />
      ) : (
        <p>Nessuna direzione ha ancora un punteggio.</p>
      )}
      <details>
        <summary>Tabella delle direzioni</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Direzione</th>
              <th scope="col">Punteggio</th>
            </tr>
          </thead>
          <tbody>
            {[...ranked, ...unscored].map((u) => (
              <tr key={u.unit.code}>
                <th scope="row">
                  <a href={unitHref(u.unit.code)}>{u.unit.name}</a>
                </th>
                <td className="number">{u.score === null ? "Incompleto" : formatScore(u.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {unscored.length > 0 && <p>{unscored.length} direzioni senza punteggio: manca qualche dato.</p>}
    </section>
  );
}
