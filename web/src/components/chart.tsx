import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the pieces the dashboard draws, so the bundle carries no more of ECharts than it uses.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** The mark the first chart drawn on a page leaves, for measuring time to the first chart. */
export const FIRST_CHART_MARK = "traguardo:first-chart";

interface Props {
  option: echarts.EChartsCoreOption;
  /** What the chart shows, said in words for screen readers (the data are also in a table beside it). */
  label: string;
  height?: number;
}

/** An ECharts chart drawn as SVG, resized with its box, its description given to assistive technology. */
export function Chart({ option, label, height = 240 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg", locale: "EN" });
    chart.on("finished", () => {
      if (performance.getEntriesByName(FIRST_CHART_MARK).length === 0) performance.mark(FIRST_CHART_MARK);
    });
    // ECharts writes its ARIA description on the box: ours, which says what the chart shows.
    chart.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, label]);
  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} data-chart="" />;
}
