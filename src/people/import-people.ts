import { DataSource, EntityManager, In } from "typeorm";
import { Assignment } from "../../entities/assignment.entity";
import { PEOPLE } from "../../entities/data-version.entity";
import { Employee } from "../../entities/employee.entity";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { IndividualAssessment } from "../../entities/individual-assessment.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { assertYearsOpen } from "../cycles/cycles";
import { DomainError, ErrorCode } from "../errors";
import { AssignmentTerms, overbooked, yearsChanged } from "./assignment-rules";
import {
  assessmentRow,
  assignmentRow,
  employeeRow,
  missingColumns,
  PeopleFiles,
  PeopleRow,
  rows,
} from "./people-files";
import { repeats } from "./repeated-rows";
import { RowProblem } from "../csv/fields";
import { CsvUnreadable } from "../csv/italian-csv";
import { insertRows } from "../storage/insert-rows";
import { countedOnce } from "../storage/counted-once";

const refused = (problems: string[]) =>
  new DomainError(
    ErrorCode.INVALID_INPUT,
    `Nothing imported: ${problems.length} row(s) are wrong: ${problems.slice(0, 20).join("; ")}`,
    { problems: problems.slice(0, 200) },
  );

const keyOf = (a: { employeeId: number; unitId: number; validFrom: string }) =>
  `${a.employeeId}|${a.unitId}|${a.validFrom}`;

/**
 * The assignments as they will stand: new ones added, restated ones (same employee, unit and start)
 * with their new end, share or category. Refused when a year whose figures they change is validated
 * or closed, or when someone would work more than full time on a day.
 */
async function assignmentChanges(manager: EntityManager, wanted: Array<AssignmentTerms & { employeeId: number }>) {
  const current = await manager.find(Assignment, {
    where: { employeeId: In([...new Set(wanted.map((a) => a.employeeId))]) },
  });
  const byKey = new Map(current.map((a) => [keyOf(a), a]));
  const lastYear = (await manager.maximum(EvaluationCycle, "year")) ?? new Date().getFullYear();
  const changes = wanted.flatMap((after) => {
    const before = byKey.get(keyOf(after)) ?? null;
    const years = yearsChanged(before, after, lastYear);
    return before !== null && years.length === 0 ? [] : [{ before, after, years }];
  });
  const final = new Map<string, AssignmentTerms & { employeeId: number }>(current.map((a) => [keyOf(a), a]));
  for (const { after } of changes) final.set(keyOf(after), after);
  const byEmployee = new Map<number, AssignmentTerms[]>();
  for (const a of final.values()) {
    const list = byEmployee.get(a.employeeId);
    if (list) list.push(a);
    else byEmployee.set(a.employeeId, [a]);
  }
  const overbookings = [...new Set(changes.map((c) => c.after.employeeId))].flatMap((employeeId) => {
    const over = overbooked(byEmployee.get(employeeId)!);
    return over ? [{ employeeId, ...over }] : [];
  });
  if (overbookings.length) {
    const codes = new Map((await manager.find(Employee)).map((e) => [e.id, e.code]));
    throw refused(
      overbookings.map(
        (o) =>
          `assignments of ${codes.get(o.employeeId)}: ${o.total} times full time on ${o.day}: end the earlier assignment (al) before the next starts`,
      ),
    );
  }
  return changes;
}

/** Employees, assignments and assessments from CSV (see people-files.ts); one bad row refuses the whole import, naming file, line and field. */
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
  // A file the reader cannot read past (an unclosed quote) is one problem naming it and the line; so is
  // a missing column, which would otherwise be missing on every row and leave its employees unknown.
  const columns: string[] = [];
  const read = (file: keyof PeopleFiles) => {
    try {
      const sheet = rows(file, files[file]);
      columns.push(...missingColumns(file, files[file]));
      return sheet;
    } catch (error) {
      if (!(error instanceof CsvUnreadable)) throw error;
      problems.push(error.message);
      return [];
    }
  };
  const sheets = { employees: read("employees"), assignments: read("assignments"), assessments: read("assessments") };
  if (columns.length)
    throw new DomainError(ErrorCode.INVALID_INPUT, `Nothing imported: ${[...problems, ...columns].join("; ")}`, {
      problems: [...problems, ...columns],
    });
  const units = new Map((await dataSource.manager.find(OrgUnit)).map((u) => [u.code, u]));
  // A row longer than its header is refused before its fields are read: they may be shifted.
  const whole = (row: PeopleRow) => {
    if (row.tooLong) throw row.tooLong;
    return row.fields;
  };
  const employees = sheets.employees.map((row) => check("employees", row.line, () => employeeRow(whole(row))));
  const assignments = sheets.assignments.map((row) =>
    check("assignments", row.line, () => assignmentRow(whole(row), units)),
  );
  const assessments = sheets.assessments.map((row) => check("assessments", row.line, () => assessmentRow(whole(row))));
  problems.push(
    ...repeats(
      "employees",
      sheets.employees,
      employees,
      "matricola",
      (e) => e.code,
      (e) => `"${e.code}"`,
    ),
    ...repeats(
      "assignments",
      sheets.assignments,
      assignments,
      "dal",
      (a) => `${a.code}|${a.unitId}|${a.validFrom}`,
      (a) => `l'assegnazione di ${a.code} a ${a.unitCode} dal ${a.validFrom}`,
    ),
    ...repeats(
      "assessments",
      sheets.assessments,
      assessments,
      "anno",
      (a) => `${a.code}|${a.year}`,
      (a) => `la valutazione ${a.year} di ${a.code}`,
    ),
  );
  const known = new Set([
    ...employees.flatMap((e) => (e ? [e.code] : [])),
    ...(await dataSource.manager.find(Employee)).map((e) => e.code),
  ]);
  for (const file of ["assignments", "assessments"] as const)
    sheets[file].forEach(({ line, fields }) => {
      if (fields.matricola && !known.has(fields.matricola.trim()))
        problems.push(`${file} line ${line}: matricola: no employee "${fields.matricola}"`);
    });
  if (problems.length) throw refused(problems);

  const write = async (manager: EntityManager) => {
    const existing = new Map((await manager.find(Employee)).map((e) => [e.code, e]));
    const newcomers = [];
    for (const e of employees.map((x) => x!)) {
      const current = existing.get(e.code);
      if (!current) newcomers.push(e);
      else if (current.name !== e.name || current.category !== e.category)
        await manager.update(Employee, { id: current.id }, { name: e.name, category: e.category });
    }
    await insertRows(manager, Employee, newcomers);
    const people = new Map((await manager.find(Employee)).map((e) => [e.code, e]));
    const changes = await assignmentChanges(
      manager,
      assignments.map((a) => ({
        employeeId: people.get(a!.code)!.id,
        unitId: a!.unitId,
        validFrom: a!.validFrom,
        validTo: a!.validTo,
        share: a!.share,
        category: a!.category ?? people.get(a!.code)!.category,
      })),
    );
    await assertYearsOpen(manager, [...changes.flatMap((c) => c.years), ...assessments.map((a) => a!.year)]);
    const added = changes.filter((c) => c.before === null).map((c) => c.after);
    await insertRows(manager, Assignment, added);
    const restated = changes.filter((c) => c.before !== null);
    for (const { before, after } of restated)
      await manager.update(
        Assignment,
        { id: before!.id },
        { validTo: after.validTo, share: after.share, category: after.category },
      );
    const who = auditedCaller(caller);
    // A changed assessment keeps its earlier score in the audit trail.
    const rescored: Array<{ matricola: string; year: number; from: number; to: number; by: string }> = [];
    // The years' assessments in one read, not one per row (the file has no employee and year twice).
    const years = [...new Set(assessments.map((a) => a!.year))];
    const scored = new Map(
      (years.length ? await manager.find(IndividualAssessment, { where: { year: In(years) } }) : []).map((a) => [
        `${a.employeeId}|${a.year}`,
        a,
      ]),
    );
    const firstScores = [];
    for (const a of assessments.map((x) => x!)) {
      const employeeId = people.get(a.code)!.id;
      const current = scored.get(`${employeeId}|${a.year}`);
      if (current && current.score !== a.score) {
        rescored.push({ matricola: a.code, year: a.year, from: current.score, to: a.score, by: current.recordedBy });
        await manager.update(
          IndividualAssessment,
          { id: current.id },
          { score: a.score, recordedBy: who.actor, recordedAt: new Date() },
        );
      } else if (!current) {
        firstScores.push({ employeeId, year: a.year, score: a.score, recordedBy: who.actor, recordedAt: new Date() });
      }
    }
    await insertRows(manager, IndividualAssessment, firstScores);
    const counts = { employees: employees.length, assignments: changes.length, assessments: assessments.length };
    await recordAudit(manager, {
      ...who,
      action: "PEOPLE_IMPORTED",
      entityType: "Employee",
      entityId: null,
      before: rescored.length || restated.length ? { rescored, restated: restated.map((c) => c.before) } : null,
      after: counts,
    });
    return counts;
  };
  // The people counter moves once for the import, not once for each of 150,000 rows.
  return dataSource.transaction((manager) => countedOnce(manager, PEOPLE, () => write(manager)));
}
