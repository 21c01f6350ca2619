import { DataSource, In } from "typeorm";
import { Assignment } from "../../entities/assignment.entity";
import { Employee } from "../../entities/employee.entity";
import { StaffCategory } from "../../entities/enums";
import { IndividualAssessment } from "../../entities/individual-assessment.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { date, decimal, requiredText, RowProblem } from "../csv/fields";
import { CsvRow, CsvUnreadable, readCsvText } from "../csv/italian-csv";
import { assertYearsOpen } from "../cycles/cycles";
import { DomainError, ErrorCode } from "../errors";

/**
 * People from three CSV exports (`;` or `,`, header row):
 *   employees:   matricola; nome; categoria (DIRIGENTE | PO | DIPENDENTE, or MANAGER | PO | STAFF)
 *   assignments: matricola; unita (unit code); dal; al (blank: still there); quota (share of full time, blank: 1)
 *   assessments: matricola; anno; punteggio (0-100)
 * Every row is checked first; one bad row refuses the whole import, naming file, line and field.
 */
export interface PeopleFiles {
  employees: string | null;
  assignments: string | null;
  assessments: string | null;
}

const CATEGORIES: Record<string, StaffCategory> = {
  DIRIGENTE: StaffCategory.MANAGER,
  MANAGER: StaffCategory.MANAGER,
  PO: StaffCategory.PO,
  "POSIZIONE ORGANIZZATIVA": StaffCategory.PO,
  DIPENDENTE: StaffCategory.STAFF,
  STAFF: StaffCategory.STAFF,
};

export async function importPeople(
  dataSource: DataSource,
  caller: Caller,
  files: PeopleFiles,
): Promise<{ employees: number; assignments: number; assessments: number }> {
  const problems: string[] = [];
  const check = <T>(file: string, line: number, read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      problems.push(`${file} line ${line}: ${error.message}`);
      return null;
    }
  };
  const rows = (file: keyof PeopleFiles): CsvRow[] => {
    try {
      return files[file] ? readCsvText(file, files[file]) : [];
    } catch (error) {
      if (!(error instanceof CsvUnreadable)) throw error;
      problems.push(error.message);
      return [];
    }
  };
  const sheets = { employees: rows("employees"), assignments: rows("assignments"), assessments: rows("assessments") };
  const units = new Map((await dataSource.manager.find(OrgUnit)).map((u) => [u.code, u]));
  const employees = sheets.employees.map(({ line, fields }) =>
    check("employees", line, () => {
      const category = CATEGORIES[requiredText(fields, "categoria").toUpperCase()];
      if (!category) throw new RowProblem("categoria", `"${fields.categoria}" is not DIRIGENTE, PO or DIPENDENTE`);
      return { code: requiredText(fields, "matricola"), name: requiredText(fields, "nome"), category };
    }),
  );
  const assignments = sheets.assignments.map(({ line, fields }) =>
    check("assignments", line, () => {
      const unit = units.get(requiredText(fields, "unita"));
      if (!unit) throw new RowProblem("unita", `no unit has the code "${fields.unita}"`);
      const validFrom = date(fields, "dal")!;
      const validTo = date(fields, "al", false);
      if (validTo !== null && validTo < validFrom) throw new RowProblem("al", "ends before it starts");
      return {
        code: requiredText(fields, "matricola"),
        unitId: unit.id,
        validFrom,
        validTo,
        share: decimal(fields, "quota", 0.01, 1, 1),
      };
    }),
  );
  const assessments = sheets.assessments.map(({ line, fields }) =>
    check("assessments", line, () => ({
      code: requiredText(fields, "matricola"),
      year: decimal(fields, "anno", 1990, 2100),
      score: decimal(fields, "punteggio", 0, 100),
    })),
  );
  const known = new Set([
    ...employees.flatMap((e) => (e ? [e.code] : [])),
    ...(await dataSource.manager.find(Employee)).map((e) => e.code),
  ]);
  sheets.assignments.forEach(({ line, fields }) => {
    if (fields.matricola && !known.has(fields.matricola.trim()))
      problems.push(`assignments line ${line}: matricola: no employee "${fields.matricola}"`);
  });
  sheets.assessments.forEach(({ line, fields }) => {
    if (fields.matricola && !known.has(fields.matricola.trim()))
      problems.push(`assessments line ${line}: matricola: no employee "${fields.matricola}"`);
  });
  if (problems.length) {
    throw new DomainError(
      ErrorCode.INVALID_INPUT,
      `Nothing imported: ${problems.length} row(s) are wrong: ${problems.slice(0, 20).join("; ")}`,
      { problems: problems.slice(0, 200) },
    );
  }

  return dataSource.transaction(async (manager) => {
    await assertYearsOpen(
      manager,
      assessments.map((a) => a!.year),
    );
    const existing = new Map((await manager.find(Employee)).map((e) => [e.code, e]));
    for (const e of employees.map((x) => x!)) {
      const current = existing.get(e.code);
      if (!current) await manager.insert(Employee, e);
      else if (current.name !== e.name || current.category !== e.category)
        await manager.update(Employee, { id: current.id }, { name: e.name, category: e.category });
    }
    const ids = new Map((await manager.find(Employee)).map((e) => [e.code, e.id]));
    const assignmentRows = assignments.map((a) => ({
      employeeId: ids.get(a!.code)!,
      unitId: a!.unitId,
      validFrom: a!.validFrom,
      validTo: a!.validTo,
      share: a!.share,
    }));
    const present = new Set(
      (
        await manager.find(Assignment, {
          where: { employeeId: In([...new Set(assignmentRows.map((a) => a.employeeId))]) },
        })
      ).map((a) => `${a.employeeId}|${a.unitId}|${a.validFrom}`),
    );
    const newAssignments = assignmentRows.filter((a) => !present.has(`${a.employeeId}|${a.unitId}|${a.validFrom}`));
    for (let i = 0; i < newAssignments.length; i += 500)
      await manager.insert(Assignment, newAssignments.slice(i, i + 500));
    const who = auditedCaller(caller);
    // A changed assessment keeps its earlier score in the audit trail.
    const rescored: Array<{ matricola: string; year: number; from: number; to: number; by: string }> = [];
    for (const a of assessments.map((x) => x!)) {
      const employeeId = ids.get(a.code)!;
      const current = await manager.findOneBy(IndividualAssessment, { employeeId, year: a.year });
      if (current && current.score !== a.score) {
        rescored.push({ matricola: a.code, year: a.year, from: current.score, to: a.score, by: current.recordedBy });
        await manager.update(
          IndividualAssessment,
          { id: current.id },
          { score: a.score, recordedBy: who.actor, recordedAt: new Date() },
        );
      } else if (!current) {
        await manager.insert(IndividualAssessment, {
          employeeId,
          year: a.year,
          score: a.score,
          recordedBy: who.actor,
          recordedAt: new Date(),
        });
      }
    }
    const counts = { employees: employees.length, assignments: newAssignments.length, assessments: assessments.length };
    await recordAudit(manager, {
      ...who,
      action: "PEOPLE_IMPORTED",
      entityType: "Employee",
      entityId: null,
      before: rescored.length ? { rescored } : null,
      after: counts,
    });
    return counts;
  });
}
