import { DataSource, In } from "typeorm";
import { PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { valuesInForce } from "../measurement/write-measurements";
import { Period, periodLabel } from "../periods";
import { FigureKind, labelled, LabelledFigure } from "./figure-labels";
import { ITP_KPI, L145_KPI } from "./statutory-kpis";

/** A period's published figures, what stops them (in Italian), and the job runs they come from. */
export interface PublishedFigures {
  figures: LabelledFigure[];
  missing: string[];
  jobRunIds: number[];
}

const JOB: Record<string, string> = {
  [ITP_KPI.itp]: "payment-timeliness",
  [ITP_KPI.amountPaid]: "payment-timeliness",
  [ITP_KPI.invoices]: "payment-timeliness",
  [L145_KPI.overdue]: "overdue-debt",
  [L145_KPI.creditors]: "overdue-debt",
};

/**
 * The ITP's published figures for each quarter of a year and for the year (DPCM 22/09/2014 art. 10):
 * the indicator, the amount paid and the invoices paid; the year's with the overdue debt at 31
 * December and its creditor firms (D.Lgs. 33/2013 art. 33). From the values in force.
 */
export async function itpFigures(dataSource: DataSource, year: number): Promise<Map<string, PublishedFigures>> {
  const codes = Object.keys(JOB);
  const kpis = await dataSource.manager.find(Kpi, { where: { code: In(codes) } });
  const inForce = await valuesInForce(
    dataSource.manager,
    kpis.map((k) => k.id),
    [year],
  );
  const result = new Map<string, PublishedFigures>();
  const periods: Period[] = [1, 2, 3, 4]
    .map((index) => ({ year, kind: PeriodKind.QUARTER, index }))
    .concat([{ year, kind: PeriodKind.YEAR, index: 0 }]);
  for (const period of periods) {
    const label = periodLabel(period);
    const missing: string[] = [];
    const runs = new Set<number>();
    const figure = (code: string, kpiCode: string, text: string, kind: FigureKind): LabelledFigure => {
      const kpi = kpis.find((k) => k.code === kpiCode);
      const found: Measurement | null = kpi ? inForce.get(kpi.id, period, null) : null;
      if (found?.jobRunId != null) runs.add(found.jobRunId);
      if (found?.value == null)
        missing.push(
          found
            ? `${text} ${label}: nessun valore (${found.reason ?? "nessun dato nel periodo"})`
            : `${text} ${label}: nessun valore; eseguire il job ${JOB[kpiCode]} per ${label}`,
        );
      return labelled(code, text, found?.value ?? null, kind);
    };
    const figures = [
      figure("ITP", ITP_KPI.itp, "Indicatore di tempestività dei pagamenti (giorni)", "number"),
      figure("IMPORTO_PAGATO", ITP_KPI.amountPaid, "Importo dei pagamenti (euro)", "number"),
      figure("FATTURE_PAGATE", ITP_KPI.invoices, "Numero delle fatture pagate", "whole"),
    ];
    if (period.kind === PeriodKind.YEAR)
      figures.push(
        figure(
          "DEBITI",
          L145_KPI.overdue,
          `Ammontare complessivo dei debiti scaduti e non pagati al 31/12/${year} (euro)`,
          "number",
        ),
        figure("IMPRESE_CREDITRICI", L145_KPI.creditors, "Numero delle imprese creditrici", "whole"),
      );
    result.set(label, { figures, missing, jobRunIds: [...runs].sort((a, b) => a - b) });
  }
  return result;
}
