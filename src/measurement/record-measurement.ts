import { DataSource, EntityManager } from "typeorm";
import { PeriodKind, Role } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Plan } from "../../entities/plan.entity";
import { auditedCaller } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { answersFor } from "../auth/unit-scope";
import { assertYearsOpen } from "../cycles/cycles";
import { DomainError, ErrorCode, invalidInput, notFound } from "../errors";
import { onceMoreAfterRace } from "../storage/after-race";
import { isValidPeriod, Period, periodBounds, periodLabel } from "../periods";
import { fitsFrequency, valueProblem } from "./value-rules";
import { NewMeasurement, SlotTaken, valuesInForce, writeMeasurements } from "./write-measurements";

export interface RecordMeasurementInput {
  kpiCode: string;
  year: number;
  periodKind: PeriodKind;
  /** Quarter or month; null for the whole year. */
  periodIndex: number | null;
  unitCode: string | null;
  value: string;
  reason: string | null;
}

export interface CorrectMeasurementInput {
  measurementId: number;
  value: string;
  reason: string;
}

/**
 * Records a KPI value entered by a person. Append-only: if the period already has a current value,
 * the caller is sent to correctMeasurement, which supersedes it and keeps it.
 */
export function recordMeasurement(
  dataSource: DataSource,
  caller: Caller,
  input: RecordMeasurementInput,
  now = new Date(),
): Promise<Measurement> {
  return onceMoreAfterRace(
    () => dataSource.transaction((manager) => recordMeasurementIn(manager, caller, input, now)),
    (error) => error instanceof SlotTaken,
  );
}

/** recordMeasurement in the caller's transaction (a monitoring report records its values with it). */
export async function recordMeasurementIn(
  manager: EntityManager,
  caller: Caller,
  input: RecordMeasurementInput,
  now: Date,
): Promise<Measurement> {
  const kpi = await manager.findOneBy(Kpi, { code: input.kpiCode });
  if (!kpi) throw notFound(`The KPI "${input.kpiCode}"`);
  if (input.periodKind !== PeriodKind.YEAR && input.periodIndex === null) {
    throw invalidInput(
      "periodIndex",
      `give the ${input.periodKind === PeriodKind.QUARTER ? "quarter (1-4)" : "month (1-12)"}`,
    );
  }
  const period = { year: input.year, kind: input.periodKind, index: input.periodIndex ?? 0 };
  await checkPeriod(manager, kpi, period);
  await assertYearsOpen(manager, [period.year]);
  checkValue(kpi, input.value);
  const unit = input.unitCode === null ? null : await unitForPeriod(manager, input.unitCode, period);
  await authoriseWrite(manager, caller, unit, period);

  const current = (await valuesInForce(manager, [kpi.id], [period.year])).get(kpi.id, period, unit?.id ?? null);
  if (current) {
    throw invalidInput(
      "periodIndex",
      `${kpi.code} already has a value for ${periodLabel(period)}${unit ? ` at ${unit.code}` : ""} (measurement ${current.id}): correct it with correctMeasurement`,
    );
  }
  return insertMeasurement(
    manager,
    caller,
    {
      kpiId: kpi.id,
      year: period.year,
      periodKind: period.kind,
      periodIndex: period.index,
      orgUnitId: unit?.id ?? null,
      breakdown: null,
      value: input.value,
      supersedes: null,
      reason: input.reason,
    },
    now,
  );
}

/** Corrects a current value: a new row that supersedes it, with who and why; the old row stays. */
export function correctMeasurement(
  dataSource: DataSource,
  caller: Caller,
  input: CorrectMeasurementInput,
  now = new Date(),
): Promise<Measurement> {
  return onceMoreAfterRace(
    () => dataSource.transaction((manager) => correctMeasurementIn(manager, caller, input, now)),
    (error) => error instanceof SlotTaken,
  );
}

/** correctMeasurement in the caller's transaction (a monitoring report records its values with it). */
export async function correctMeasurementIn(
  manager: EntityManager,
  caller: Caller,
  input: CorrectMeasurementInput,
  now: Date,
): Promise<Measurement> {
  const previous = await manager.findOneBy(Measurement, { id: input.measurementId });
  if (!previous) throw notFound(`Measurement ${input.measurementId}`);
  const successor = await manager.findOneBy(Measurement, { supersedesId: previous.id });
  if (successor)
    throw invalidInput(
      "measurementId",
      `measurement ${previous.id} was already corrected by measurement ${successor.id}: correct that one`,
    );
  await assertYearsOpen(manager, [previous.year]);
  const kpi = await manager.findOneByOrFail(Kpi, { id: previous.kpiId });
  checkValue(kpi, input.value);
  const period = { year: previous.year, kind: previous.periodKind, index: previous.periodIndex };
  const unit = previous.orgUnitId === null ? null : await manager.findOneByOrFail(OrgUnit, { id: previous.orgUnitId });
  await authoriseWrite(manager, caller, unit, period);
  return insertMeasurement(
    manager,
    caller,
    {
      kpiId: kpi.id,
      year: previous.year,
      periodKind: previous.periodKind,
      periodIndex: previous.periodIndex,
      orgUnitId: previous.orgUnitId,
      breakdown: previous.breakdown,
      value: input.value,
      supersedes: previous,
      reason: input.reason,
    },
    now,
  );
}

async function checkPeriod(manager: EntityManager, kpi: Kpi, period: Period): Promise<void> {
  if (!isValidPeriod(period))
    throw invalidInput(
      "periodIndex",
      `${period.index} is not a ${period.kind.toLowerCase()} (quarters 1-4, months 1-12, 0 for the year)`,
    );
  if (!fitsFrequency(kpi.frequency, period.kind)) {
    throw invalidInput(
      "periodKind",
      `${kpi.code} is measured ${kpi.frequency.toLowerCase()}, not by ${period.kind.toLowerCase()}`,
    );
  }
  const objective = await manager.findOneByOrFail(Objective, { id: kpi.objectiveId });
  const plan = await manager.findOneByOrFail(Plan, { id: objective.planId });
  if (period.year < plan.firstYear || period.year > plan.lastYear) {
    throw invalidInput("year", `${period.year} is outside the plan ${plan.title} (${plan.firstYear}-${plan.lastYear})`);
  }
}

function checkValue(kpi: Kpi, value: string): void {
  const problem = valueProblem(kpi.unit, value);
  if (problem) throw invalidInput("value", `${value} does not fit ${kpi.code}: ${problem}`);
}

async function unitForPeriod(manager: EntityManager, code: string, period: Period): Promise<OrgUnit> {
  const unit = await manager.findOneBy(OrgUnit, { code });
  if (!unit) throw notFound(`The organisational unit "${code}"`);
  const { start, end } = periodBounds(period);
  if ((unit.validFrom !== null && unit.validFrom > end) || (unit.validTo !== null && unit.validTo < start)) {
    throw invalidInput(
      "unitCode",
      `${unit.name} did not exist in ${periodLabel(period)} (valid ${unit.validFrom ?? "…"} to ${unit.validTo ?? "…"})`,
    );
  }
  return unit;
}

/**
 * Administrators record for anyone; a unit manager only for units they answered for on the last
 * day of the period that the unit existed.
 */
async function authoriseWrite(
  manager: EntityManager,
  caller: Caller,
  unit: OrgUnit | null,
  period: Period,
): Promise<void> {
  if (caller.roles.includes(Role.ADMIN)) return;
  if (unit === null)
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      "Forbidden: values for the administration as a whole need the role ADMIN",
      { requiredRoles: [Role.ADMIN] },
    );
  const { end } = periodBounds(period);
  const date = unit.validTo !== null && unit.validTo < end ? unit.validTo : end;
  const units = new Map((await manager.find(OrgUnit)).map((u) => [u.id, u]));
  if (!caller.roles.includes(Role.UNIT_MANAGER) || !answersFor(caller.units, unit.id, date, units)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `Forbidden: you do not answer for ${unit.name} on ${date}`, {
      requiredRoles: [Role.UNIT_MANAGER, Role.ADMIN],
    });
  }
}

/** A person records the value alone: numerators and denominators come with the jobs' sources. */
async function insertMeasurement(
  manager: EntityManager,
  caller: Caller,
  row: Omit<NewMeasurement, "numerator" | "denominator">,
  now: Date,
): Promise<Measurement> {
  const [measurement] = await writeMeasurements(
    manager,
    [{ ...row, numerator: null, denominator: null }],
    { ...auditedCaller(caller), jobRunId: null },
    now,
  );
  return measurement;
}
