import { SchedaProblem } from "../../plan/scheda/scheda-rules";
import { targetKey } from "../../plan/scheda/scheda";
import { ImportProblem } from "../problems";
import { PlanWorkbook } from "./plan-workbook";
import { KPIS, PHASES } from "./template";

type Columns = Record<string, { header: string }>;

/**
 * Where a problem the schede service found (named by element key and field) is in the workbook:
 * the row of the KPI, target or phase, and the column of the field.
 */
export function locateSchedaProblem(workbook: PlanWorkbook): (problem: SchedaProblem) => ImportProblem {
  const targets = new Map(
    workbook.kpis.flatMap(({ row, value }) =>
      value.targets.map((t) => [targetKey(t.definition.kpiCode, t.definition.year), { row, headers: t.headers }]),
    ),
  );
  const kpis = new Map(workbook.kpis.map(({ row, value }) => [value.kpi.code, row]));
  const phases = new Map(workbook.phases.map(({ row, value }) => [value.code, row]));
  const header = (columns: Columns, field: string) => (field in columns ? columns[field].header : null);
  return ({ key, field, message }) => {
    const target = targets.get(key);
    if (target) {
      const column = (target.headers as Record<string, string | undefined>)[field];
      const kpiField = field === "kpiCode" ? "code" : field;
      return { sheet: KPIS.name, row: target.row, column: column ?? header(KPIS.columns, kpiField), message };
    }
    const phaseField = field === "plannedDate" || (phases.has(key) && !kpis.has(key));
    const row = phaseField ? phases.get(key) : kpis.get(key);
    if (row === undefined) return { sheet: null, row: null, column: null, message: `${key}: ${message}` };
    const spec = phaseField ? PHASES : KPIS;
    return { sheet: spec.name, row, column: header(spec.columns, field), message };
  };
}
