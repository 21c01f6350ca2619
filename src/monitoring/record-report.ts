import { DataSource, EntityManager } from "typeorm";
import { ObjectiveLevel, ObjectiveStatus, PeriodKind, Role } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { GapReport, MonitoringReport, PhaseReport } from "../../entities/monitoring-report.entity";
import { ObjectiveCollaborator } from "../../entities/objective-collaborator.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Phase } from "../../entities/phase.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { answersFor } from "../auth/unit-scope";
import { assertYearsOpen } from "../cycles/cycles";
import { isWithin } from "../dates";
import { DomainError, ErrorCode, invalidInput, notFound } from "../errors";
import { correctMeasurementIn, recordMeasurementIn } from "../measurement/record-measurement";
import { SlotTaken, valuesInForce } from "../measurement/write-measurements";
import { onceMoreAfterRace } from "../storage/after-race";
import { takesRowLocks } from "../storage/row-locks";
import { isUniqueViolation } from "../storage/unique-violation";
import { reportProblems } from "./report-rules";

export interface MonitoringReportInput {
  objectiveKey: string;
  unitCode: string;
  monitoringDate: string;
  phases: PhaseReport[];
  values: Array<{ kpiCode: string; value: string }>;
  gaps: GapReport[];
  note: string | null;
}

/**
 * A directorate's monitoring report on one objective (Funzione Pubblica guideline 3/2018), in one
 * transaction: its KPI values recorded as the year's values (correcting the earlier ones, which
 * stay), its phase progress and its gap reasons. A later report on the same objective, unit and
 * date supersedes the earlier one; reports are never changed.
 */
export function recordMonitoringReport(
  dataSource: DataSource,
  caller: Caller,
  input: MonitoringReportInput,
  now = new Date(),
): Promise<MonitoringReport> {
  // Two reports sent at once: the second supersedes the first, as if sent after it.
  return onceMoreAfterRace(
    () => recordIn(dataSource, caller, input, now),
    (error) => error instanceof SlotTaken || isUniqueViolation(error),
  ).catch((error: unknown) => {
    throw isUniqueViolation(error)
      ? invalidInput("monitoringDate", "other reports on this objective and date were sent meanwhile: send it again")
      : error;
  });
}

function recordIn(
  dataSource: DataSource,
  caller: Caller,
  input: MonitoringReportInput,
  now: Date,
): Promise<MonitoringReport> {
  return dataSource.transaction(async (manager) => {
    // Locked first, on MySQL and MariaDB: reports on one objective are recorded one after the other,
    // each seeing the one before (read after the lock) and superseding it, so one report stands in force.
    const objective = await manager.findOne(Objective, {
      where: { key: input.objectiveKey },
      ...(takesRowLocks(manager) ? { lock: { mode: "pessimistic_write" as const } } : {}),
    });
    if (!objective) throw notFound(`The objective "${input.objectiveKey}"`);
    if (objective.status !== ObjectiveStatus.ACTIVE)
      throw invalidInput("objectiveKey", `${objective.key} was removed from the plan`);
    const year = Number(input.monitoringDate.slice(0, 4));
    const years = (await manager.findBy(ObjectiveYear, { objectiveId: objective.id })).map((y) => y.year);
    if (!years.includes(year))
      throw invalidInput("monitoringDate", `${objective.key} is not in the plan of ${year} (only ${years.join(", ")})`);
    await assertYearsOpen(manager, [year]);
    const unit = await reportingUnit(manager, caller, objective, input.unitCode, input.monitoringDate);

    const [phases, kpis] = await Promise.all([
      manager.findBy(Phase, { objectiveId: objective.id, status: ObjectiveStatus.ACTIVE }),
      manager.findBy(Kpi, { objectiveId: objective.id }),
    ]);
    const problems = reportProblems(input, { phases, kpis });
    if (problems.length) throw invalidInput(problems[0].field, problems.map((p) => p.message).join("; "));

    const measurementIds: number[] = [];
    const inForce = await valuesInForce(
      manager,
      kpis.map((k) => k.id),
      [year],
    );
    for (const { kpiCode, value } of input.values) {
      const kpi = kpis.find((k) => k.code === kpiCode)!;
      const reason = `Monitoraggio al ${input.monitoringDate}`;
      const current = inForce.get(kpi.id, { year, kind: PeriodKind.YEAR, index: 0 }, unit.id);
      const measurement = current
        ? await correctMeasurementIn(manager, caller, { measurementId: current.id, value, reason }, now)
        : await recordMeasurementIn(
            manager,
            caller,
            { kpiCode, year, periodKind: PeriodKind.YEAR, periodIndex: null, unitCode: unit.code, value, reason },
            now,
          );
      measurementIds.push(measurement.id);
    }

    const previous = await latestReport(manager, objective.id, unit.id, input.monitoringDate);
    const inserted = await manager.insert(MonitoringReport, {
      objectiveId: objective.id,
      unitId: unit.id,
      monitoringDate: input.monitoringDate,
      phases: input.phases,
      gaps: input.gaps,
      measurementIds,
      note: input.note,
      reportedBy: auditedCaller(caller).actor,
      reportedAt: now,
      supersedesId: previous?.id ?? null,
    });
    const report = await manager.findOneByOrFail(MonitoringReport, { id: inserted.identifiers[0].id as number });
    await recordAudit(
      manager,
      {
        ...auditedCaller(caller),
        action: previous ? "MONITORING_REPORT_CORRECTED" : "MONITORING_REPORT_RECORDED",
        entityType: "MonitoringReport",
        entityId: String(report.id),
        before: previous,
        after: report,
      },
      now,
    );
    return report;
  });
}

/**
 * Who may report for which unit: an administrator for any unit, a unit manager for the units they
 * answered for on the monitoring date. For an Obiettivo di Direzione the unit is its owner or a
 * collaborator; every directorate contributes to the other levels.
 */
async function reportingUnit(
  manager: EntityManager,
  caller: Caller,
  objective: Objective,
  code: string,
  date: string,
): Promise<OrgUnit> {
  const unit = await manager.findOneBy(OrgUnit, { code });
  if (!unit) throw notFound(`The organisational unit "${code}"`);
  if (!isWithin(date, unit.validFrom, unit.validTo))
    throw invalidInput("unitCode", `${unit.name} does not exist on ${date}`);
  if (objective.level === ObjectiveLevel.DIREZIONE && objective.ownerUnitId !== unit.id) {
    const collaborates = await manager.existsBy(ObjectiveCollaborator, { objectiveId: objective.id, unitId: unit.id });
    if (!collaborates)
      throw invalidInput("unitCode", `${unit.name} neither owns ${objective.key} nor collaborates on it`);
  }
  if (caller.roles.includes(Role.ADMIN)) return unit;
  const units = new Map((await manager.find(OrgUnit)).map((u) => [u.id, u]));
  if (!caller.roles.includes(Role.UNIT_MANAGER) || !answersFor(caller.units, unit.id, date, units))
    throw new DomainError(ErrorCode.FORBIDDEN, `Forbidden: you do not answer for ${unit.name} on ${date}`, {
      requiredRoles: [Role.UNIT_MANAGER, Role.ADMIN],
    });
  return unit;
}

/** The report in force for an objective, unit and date: the one no later report supersedes. */
function latestReport(manager: EntityManager, objectiveId: number, unitId: number, date: string) {
  return manager
    .createQueryBuilder(MonitoringReport, "r")
    .leftJoin(MonitoringReport, "later", "later.supersedesId = r.id")
    .where("later.id IS NULL")
    .andWhere("r.objectiveId = :objectiveId AND r.unitId = :unitId AND r.monitoringDate = :date", {
      objectiveId,
      unitId,
      date,
    })
    .getOne();
}
