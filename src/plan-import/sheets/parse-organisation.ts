import { ObjectiveLevel } from "../../../entities/enums";
import { ImportProblem } from "../problems";
import {
  atMost,
  calendarDate,
  choice,
  code,
  codeList,
  requiredChoice,
  requiredCode,
  requiredText,
  text,
  year,
  years,
} from "./cells";
import { EnteDraft, ObjectiveDraft, UnitDraft } from "./plan-workbook";
import { Sheet } from "./sheet";
import { ParsedRow, readRows } from "./sheet-rows";
import { ENTE, HEALTH_GROUPS, LEVELS, OBJECTIVES, UNIT_KINDS, UNITS } from "./template";

/** The Ente sheet: one row, the administration and its plan. */
export function parseEnte(sheet: Sheet, problems: ImportProblem[]): ParsedRow<EnteDraft> | null {
  const c = ENTE.columns;
  const rows = readRows(sheet, ENTE, problems, (row) => {
    const firstYear = row.cell(c.firstYear.header, year);
    const lastYear = row.cell(c.lastYear.header, year);
    if (lastYear < firstYear)
      row.problem(c.lastYear.header, `l'ultimo anno ${lastYear} viene prima del primo ${firstYear}`);
    return {
      administration: {
        code: row.cell(c.adminCode.header, requiredText),
        name: row.cell(c.adminName.header, requiredText),
      },
      plan: {
        code: row.cell(c.planCode.header, requiredText),
        title: row.cell(c.planTitle.header, requiredText),
        firstYear,
        lastYear,
      },
    };
  });
  if (sheet.rows.length > 1)
    problems.push({
      sheet: ENTE.name,
      row: sheet.rows[1].row,
      column: null,
      message: "il foglio Ente ha una riga sola: un database tiene un ente e il suo piano",
    });
  return rows[0] ?? null;
}

export function parseUnits(sheet: Sheet, problems: ImportProblem[]): ParsedRow<UnitDraft>[] {
  const c = UNITS.columns;
  return readRows(sheet, UNITS, problems, (row) => {
    const validFrom = row.cell(c.validFrom.header, calendarDate);
    const validTo = row.cell(c.validTo.header, calendarDate);
    if (validFrom && validTo && validTo < validFrom)
      row.problem(c.validTo.header, "la data di chiusura viene prima di quella di istituzione");
    const unitCode = row.cell(c.code.header, atMost(32, requiredCode));
    const parent = row.cell(c.parent.header, code);
    if (parent !== null && parent === unitCode) row.problem(c.parent.header, "un'unità non dipende da sé stessa");
    return {
      code: unitCode,
      name: row.cell(c.name.header, atMost(200, requiredText)),
      kind: row.cell(c.kind.header, (v) => requiredChoice(v, UNIT_KINDS)),
      parent,
      validFrom,
      validTo,
      head: row.cell(c.head.header, atMost(60, text)),
    };
  });
}

export function parseObjectives(sheet: Sheet, problems: ImportProblem[]): ParsedRow<ObjectiveDraft>[] {
  const c = OBJECTIVES.columns;
  return readRows(sheet, OBJECTIVES, problems, (row) => {
    const level = row.cell(c.level.header, (v) => requiredChoice(v, LEVELS));
    const owner = row.cell(c.owner.header, code);
    if (level === ObjectiveLevel.DIREZIONE && owner === null)
      row.problem(c.owner.header, "un obiettivo di DIREZIONE vuole la direzione titolare");
    const healthGroup = row.cell(c.healthGroup.header, (v) => choice(v, HEALTH_GROUPS));
    if (healthGroup !== null && level !== ObjectiveLevel.SALUTE)
      row.problem(c.healthGroup.header, "il gruppo salute vale solo per gli obiettivi di livello SALUTE");
    const key = row.cell(c.key.header, requiredCode);
    const parent = row.cell(c.parent.header, code);
    if (parent !== null && parent === key) row.problem(c.parent.header, "un obiettivo non serve sé stesso");
    return {
      key,
      level,
      owner,
      title: row.cell(c.title.header, requiredText),
      years: row.cell(c.years.header, years),
      collaborators: row.cell(c.collaborators.header, codeList),
      parent,
      heading: row.cell(c.heading.header, atMost(200, text)),
      healthGroup,
    };
  });
}
