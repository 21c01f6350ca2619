import { KpiDirection, KpiFrequency, KpiUnit, ScoringRule } from "../../../entities/enums";
import { defaultTargetDescription, PhaseDefinition, TargetDefinition } from "../../plan/scheda/scheda";
import { ImportProblem } from "../problems";
import {
  CellProblem,
  choice,
  decimal,
  percentAsFraction,
  requiredChoice,
  requiredCode,
  requiredText,
  calendarDate,
  targetValue,
  text,
} from "./cells";
import { KpiDraft } from "./plan-workbook";
import { normalName, Sheet } from "./sheet";
import { ParsedRow, RowContext, readRows } from "./sheet-rows";
import {
  DIRECTIONS,
  FREQUENCIES,
  KPI_UNITS,
  KPIS,
  MANUAL_SOURCE,
  PHASES,
  SCORING_RULES,
  TARGET_COLUMNS,
  TargetField,
} from "./template";

const YEAR_HEADER = new RegExp(
  `^(${Object.values(TARGET_COLUMNS)
    .map((c) => c.header(0).replace(/ 0$/, ""))
    .join("|")}) (\\d{4})$`,
);

/** The plan years the sheet has target columns for, read from its headers. */
export function targetYears(sheet: Sheet): Array<{ year: number; header: string; row: number }> {
  const found = new Map<number, string>();
  for (const header of sheet.headers) {
    const match = YEAR_HEADER.exec(normalName(header));
    if (match && !found.has(Number(match[2]))) found.set(Number(match[2]), header);
  }
  return [...found].sort(([a], [b]) => a - b).map(([year, header]) => ({ year, header, row: sheet.headerRow }));
}

/** The Indicatori sheet: each row a KPI and the targets of the years it fills. */
export function parseKpis(sheet: Sheet, problems: ImportProblem[]): ParsedRow<KpiDraft>[] {
  const c = KPIS.columns;
  const years = targetYears(sheet).map((y) => y.year);
  return readRows(
    sheet,
    KPIS,
    problems,
    (row) => {
      const unit = row.cell(c.unit.header, (v) => requiredChoice(v, KPI_UNITS));
      const direction = row.cell(c.direction.header, (v) => requiredChoice(v, DIRECTIONS));
      if ((unit === KpiUnit.MILESTONE) !== (direction === KpiDirection.MILESTONE))
        row.problem(c.direction.header, "un indicatore a FASI ha FASI sia come unità di misura sia come verso");
      const source = row.cell(c.source.header, text);
      const kpi = {
        objectiveKey: row.cell(c.objectiveKey.header, requiredCode),
        code: row.cell(c.code.header, requiredCode),
        name: row.cell(c.name.header, requiredText),
        unit,
        direction,
        weight: row.cell(c.weight.header, percentAsFraction),
        frequency: row.cell(c.frequency.header, (v) => choice(v, FREQUENCIES)) ?? KpiFrequency.YEARLY,
        source: source === null || source.toUpperCase() === MANUAL_SOURCE ? "MANUAL" : source,
        scoring: row.cell(c.scoring.header, (v) => choice(v, SCORING_RULES)) ?? ScoringRule.LINEAR,
      };
      const targets = years.flatMap((year) => {
        const target = readTarget(row, kpi.code, direction, year);
        return target ? [target] : [];
      });
      return { kpi, targets };
    },
    (header) => YEAR_HEADER.test(header),
  );
}

/** One year's target from its columns; null when the row leaves them all empty. */
function readTarget(row: RowContext, kpiCode: string, direction: KpiDirection, year: number) {
  const header = (field: TargetField) => TARGET_COLUMNS[field].header(year);
  const fields: TargetField[] = ["value", "bound", "low", "high", "tolerance", "description"];
  if (!fields.some((field) => row.filled(header(field)))) return null;
  const stated = row.cell(header("value"), (v) => {
    const read = targetValue(v);
    if (read?.comparison === ">" && direction !== KpiDirection.HIGHER_IS_BETTER)
      throw new CellProblem('"> " vale per un indicatore CRESCENTE: il target va superato');
    if (read?.comparison === "<" && direction !== KpiDirection.LOWER_IS_BETTER)
      throw new CellProblem('"< " vale per un indicatore DECRESCENTE: il target va tenuto sotto');
    return read;
  });
  const numbers = {
    value: stated?.value ?? null,
    strict: stated?.comparison != null,
    low: row.cell(header("low"), decimal),
    high: row.cell(header("high"), decimal),
  };
  const bound = row.cell(header("bound"), decimal);
  const description = row.cell(header("description"), text);
  if (direction === KpiDirection.LOWER_IS_BETTER && numbers.value !== null && bound === null)
    row.problem(
      header("bound"),
      "un indicatore DECRESCENTE vuole il tetto sopra il target, oltre il quale il punteggio è 0",
    );
  const hasNumbers = numbers.value !== null || (numbers.low !== null && numbers.high !== null);
  // A target written but unreadable is reported as such, not as missing.
  if (!hasNumbers && description === null && !row.filled(header("value")))
    row.problem(
      header("value"),
      "manca il target dell'anno: scrivete il target (minimo e massimo per INTERVALLO) o la sua descrizione",
    );
  const definition: TargetDefinition = {
    ...numbers,
    kpiCode,
    year,
    description: description ?? defaultTargetDescription(numbers, direction === KpiDirection.LOWER_IS_BETTER),
    bound,
    tolerance: row.cell(header("tolerance"), decimal),
  };
  const filled = fields.filter((field) => row.filled(header(field))).map((field) => [field, header(field)] as const);
  // A problem with the year as a whole is shown on the first column of the year the row fills.
  const [, first] = filled[0];
  return {
    definition,
    headers: { ...Object.fromEntries(filled), strict: header("value"), year: first, effectiveDate: first },
  };
}

/** The Fasi sheet: each row a phase of an objective's cronoprogramma. */
export function parsePhases(sheet: Sheet, problems: ImportProblem[]): ParsedRow<PhaseDefinition>[] {
  const c = PHASES.columns;
  return readRows(sheet, PHASES, problems, (row) => ({
    objectiveKey: row.cell(c.objectiveKey.header, requiredCode),
    code: row.cell(c.code.header, requiredCode),
    name: row.cell(c.name.header, requiredText),
    plannedDate: row.cell(c.plannedDate.header, (v) => {
      const date = calendarDate(v);
      if (date === null) throw new CellProblem("manca la data prevista: scrivete gg/mm/aaaa");
      return date;
    }),
    weight: row.cell(c.weight.header, percentAsFraction),
  }));
}
