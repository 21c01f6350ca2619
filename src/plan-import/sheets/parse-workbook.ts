import { ImportProblem } from "../problems";
import { workbookProblems } from "./check-workbook";
import { parseEnte, parseObjectives, parseUnits } from "./parse-organisation";
import { parseKpis, parsePhases, targetYears } from "./parse-schede";
import { PlanWorkbook } from "./plan-workbook";
import { normalName, ReadSheets, Sheet } from "./sheet";
import { ENTE, KPIS, OBJECTIVES, PHASES, SHEETS, UNITS } from "./template";

/**
 * A workbook's sheets read as the template lays them out, and checked as far as the file alone
 * allows: every cell, every row, codes used twice, phase weights. What needs the database (codes
 * of the plan, weights with the KPIs in force, the act) is checked when the workbook is stored.
 */
export function parsePlanWorkbook(read: ReadSheets): { workbook: PlanWorkbook; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [...read.problems];
  const bySpec = new Map<string, Sheet>();
  for (const sheet of read.sheets) {
    const spec = SHEETS.find((s) => normalName(s.name) === normalName(sheet.name));
    if (!spec)
      problems.push({
        sheet: sheet.name,
        row: null,
        column: null,
        message: `foglio sconosciuto: i fogli del modello sono ${SHEETS.map((s) => s.name).join(", ")} (e Istruzioni); rinominatelo o toglietelo`,
      });
    else if (bySpec.has(spec.name))
      problems.push({
        sheet: spec.name,
        row: null,
        column: null,
        message: "il foglio compare due volte: tenetene uno",
      });
    else bySpec.set(spec.name, sheet);
  }
  if (read.problems.length === 0 && read.sheets.length > 0 && bySpec.size === 0)
    problems.push({
      sheet: null,
      row: null,
      column: null,
      message: `il file non ha nessuno dei fogli del modello (${SHEETS.map((s) => s.name).join(", ")})`,
    });
  const sheet = (name: string) => bySpec.get(name);
  const ente = sheet(ENTE.name);
  const units = sheet(UNITS.name);
  const objectives = sheet(OBJECTIVES.name);
  const kpis = sheet(KPIS.name);
  const phases = sheet(PHASES.name);
  const workbook: PlanWorkbook = {
    ente: ente ? parseEnte(ente, problems) : null,
    units: units ? parseUnits(units, problems) : [],
    objectives: objectives ? parseObjectives(objectives, problems) : [],
    kpis: kpis ? parseKpis(kpis, problems) : [],
    phases: phases ? parsePhases(phases, problems) : [],
    targetYears: kpis ? targetYears(kpis) : [],
  };
  problems.push(...workbookProblems(workbook));
  return { workbook, problems };
}
