import { ImportProblem } from "../problems";
import { italianDecimal } from "../../italian-format";
import { PlanWorkbook } from "./plan-workbook";
import { ParsedRow } from "./sheet-rows";
import { KPIS, OBJECTIVES, PHASES, UNITS } from "./template";

/** Weights are kept to 6 decimals: summed as whole millionths, they add up exactly. */
const MILLIONTHS = 1_000_000;
const millionths = (weight: string) => Math.round(Number(weight) * MILLIONTHS);
const asPercent = (sum: number) => italianDecimal(String(Number(((sum * 100) / MILLIONTHS).toFixed(4))));

/**
 * What the workbook gets wrong across its rows: a code used twice, parents that lead back to
 * themselves, phase weights that do not add up to 100.
 */
export function workbookProblems(workbook: PlanWorkbook): ImportProblem[] {
  return [
    ...parentCircles(UNITS.name, UNITS.columns.parent.header, workbook.units, (u) => [u.code, u.parent]),
    ...parentCircles(OBJECTIVES.name, OBJECTIVES.columns.parent.header, workbook.objectives, (o) => [o.key, o.parent]),
    ...duplicates(UNITS.name, UNITS.columns.code.header, workbook.units, (u) => u.code),
    ...duplicates(OBJECTIVES.name, OBJECTIVES.columns.key.header, workbook.objectives, (o) => o.key),
    ...duplicates(KPIS.name, KPIS.columns.code.header, workbook.kpis, (k) => k.kpi.code),
    ...duplicates(PHASES.name, PHASES.columns.code.header, workbook.phases, (p) => p.code),
    ...weightSums(
      PHASES,
      workbook.phases.map(({ row, value }) => ({ row, objectiveKey: value.objectiveKey, weight: value.weight })),
      [],
      "delle fasi",
    ),
  ];
}

/**
 * The KPI weights of each objective the sheet names add up to 100, counting the KPIs in force
 * that the sheet leaves out (a KPI is never taken out by a sheet; it can be given weight 0).
 */
export function kpiWeightProblems(
  kpis: PlanWorkbook["kpis"],
  inForceElsewhere: ReadonlyArray<{ objectiveKey: string; code: string; weight: string }>,
): ImportProblem[] {
  return weightSums(
    KPIS,
    kpis.map(({ row, value }) => ({ row, objectiveKey: value.kpi.objectiveKey, weight: value.kpi.weight })),
    inForceElsewhere,
    "degli indicatori",
  );
}

function duplicates<T>(sheet: string, column: string, rows: ParsedRow<T>[], key: (value: T) => string) {
  const first = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const { row, value } of rows) {
    const seen = first.get(key(value));
    if (seen === undefined) first.set(key(value), row);
    else
      problems.push({
        sheet,
        row,
        column,
        message: `il codice ${key(value)} è già alla riga ${seen}: ogni riga ha il suo codice`,
      });
  }
  return problems;
}

/** Rows whose parent, its parent and so on come back to the row: no order can load them. */
function parentCircles<T>(
  sheet: string,
  column: string,
  rows: ParsedRow<T>[],
  link: (value: T) => [string, string | null],
): ImportProblem[] {
  const parentOf = new Map(rows.map(({ value }) => link(value)));
  return rows.flatMap(({ row, value }) => {
    const [start] = link(value);
    const path = [start];
    for (let at = parentOf.get(start); at != null && path.length <= parentOf.size; at = parentOf.get(at)) {
      path.push(at);
      if (at === start)
        return [
          {
            sheet,
            row,
            column,
            message: `i codici si richiamano in cerchio (${path.join(" → ")}): spezzate il cerchio`,
          },
        ];
    }
    return [];
  });
}

/** Reported on each objective's last row, where the sum is complete. */
function weightSums(
  sheet: typeof KPIS | typeof PHASES,
  rows: Array<{ row: number; objectiveKey: string; weight: string }>,
  others: ReadonlyArray<{ objectiveKey: string; code: string; weight: string }>,
  what: string,
): ImportProblem[] {
  const byObjective = new Map<string, { sum: number; lastRow: number }>();
  for (const { row, objectiveKey, weight } of rows) {
    const seen = byObjective.get(objectiveKey) ?? { sum: 0, lastRow: row };
    byObjective.set(objectiveKey, { sum: seen.sum + millionths(weight), lastRow: Math.max(seen.lastRow, row) });
  }
  const problems: ImportProblem[] = [];
  for (const [objectiveKey, { sum, lastRow }] of byObjective) {
    const outside = others.filter((o) => o.objectiveKey === objectiveKey);
    const total = sum + outside.reduce((s, o) => s + millionths(o.weight), 0);
    if (total === MILLIONTHS) continue;
    const listed = outside.length
      ? ` (contando gli indicatori in vigore che il foglio non elenca: ${outside
          .map((o) => `${o.code} ${asPercent(millionths(o.weight))}`)
          .join(", ")})`
      : "";
    problems.push({
      sheet: sheet.name,
      row: lastRow,
      column: sheet.columns.weight.header,
      message: `i pesi ${what} dell'obiettivo ${objectiveKey} sommano a ${asPercent(total)}, non a 100${listed}`,
    });
  }
  return problems;
}
