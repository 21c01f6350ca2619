import { useMemo } from "react";
import { Chart } from "../../components/chart";
import { formatKpiValue, formatNumber } from "../../format/italian";
import { HealthKpi } from "./health-kpi";
import { latestValue } from "./latest-value";

const QUARTERS = ["I trim.", "II trim.", "III trim.", "IV trim."];

/** A health indicator's values over the year's quarters, with its latest value and target in words. */
export function TrendChart({ kpi, target, year }: { kpi: HealthKpi; target: string; year: number }) {
  const byQuarter = useMemo(
    () =>
      QUARTERS.map((_, i) => {
        const m = kpi.kpi.measurements.find((v) => v.periodKind === "QUARTER" && v.periodIndex === i + 1);
        return m?.value == null ? null : Number(m.value);
      }),
    [kpi],
  );
  const latest = latestValue(kpi, year);
  const option = useMemo(
    () => ({
      // ECharts 6 keeps axis labels inside the box (outerBounds); the bottom margin leaves room for the x axis.
      grid: { left: 8, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: "axis", valueFormatter: (v: number) => formatKpiValue(v, kpi.kpi.unit) },
      xAxis: { type: "category", data: QUARTERS },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v, 1) } },
      series: [
        { type: "line", name: kpi.kpi.name, data: byQuarter, connectNulls: false, itemStyle: { color: "#1d5fa8" } },
      ],
    }),
    [byQuarter, kpi],
  );
  const described = byQuarter.map((v, i) => `${QUARTERS[i]} ${formatKpiValue(v, kpi.kpi.unit)}`).join(", ");
  return (
    <figure className="trend">
      <figcaption>
        <strong>{kpi.kpi.name}</strong>
        <span>
          Ultimo valore: {formatKpiValue(latest.value, kpi.kpi.unit)}
          {latest.period && ` (${latest.period})`} · Target: {target}
        </span>
      </figcaption>
      <Chart option={option} label={`Andamento per trimestre: ${described}`} height={160} />
    </figure>
  );
}
