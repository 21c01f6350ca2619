import { EntityManager, In } from "typeorm";
import { MeasurementStatus, PeriodKind } from "../../entities/enums";
import { Measurement } from "../../entities/measurement.entity";
import { recordAudits } from "../audit/record-audit";
import { DomainError, ErrorCode } from "../errors";
import { Period } from "../periods";
import { isUniqueViolation } from "../storage/unique-violation";

/** A value to append, and the row in force that it replaces (null for a first value). */
export interface NewMeasurement {
  kpiId: number;
  year: number;
  periodKind: PeriodKind;
  periodIndex: number;
  orgUnitId: number | null;
  /** A part of the whole (a CRM channel); null for the whole. */
  breakdown: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  reason: string | null;
  supersedes: Measurement | null;
}

/** Who writes, as the audit trail names them: a person, or whoever started a job run (then `jobRunId`). */
export interface MeasurementAuthor {
  actor: string;
  role: string | null;
  jobRunId: number | null;
}

const CHUNK = 500;

/**
 * Another write took a slot first (the database's unique index refused this one): a value in force
 * was recorded, or the row this one corrects was corrected, meanwhile. Trying again sees it.
 */
export class SlotTaken extends DomainError {
  constructor(rows: NewMeasurement[]) {
    const [row] = rows;
    super(
      ErrorCode.INVALID_INPUT,
      rows.length > 1
        ? "another write recorded or corrected some of these values meanwhile: try again to supersede them"
        : row.supersedes
          ? `measurementId: measurement ${row.supersedes.id} was corrected by another write meanwhile: correct the value in force`
          : "periodIndex: another write recorded a value for this KPI, period and unit meanwhile: correct it with correctMeasurement",
      { field: rows.length === 1 && row.supersedes ? "measurementId" : "periodIndex" },
    );
  }
}

/** The columns the unique index of values in force reads: the nullable slot and supersedes columns, NULL as 0 or ''. */
export const inForceKeys = (row: Pick<Measurement, "orgUnitId" | "breakdown" | "supersedesId">) => ({
  unitKey: row.orgUnitId ?? 0,
  breakdownKey: row.breakdown ?? "",
  supersedesKey: row.supersedesId ?? 0,
});

/** What at most one value in force may have: KPI, period, unit and part. */
type Slot = Pick<Measurement, "kpiId" | "year" | "periodKind" | "periodIndex" | "orgUnitId" | "breakdown">;
const slotOf = (m: Slot) => JSON.stringify([m.kpiId, m.year, m.periodKind, m.periodIndex, m.orgUnitId, m.breakdown]);

/**
 * The one writer of the append-only measurement table, for people and job runs alike: inserts the
 * rows a few hundred at a time and gives each its audit event (MEASUREMENT_RECORDED, or
 * MEASUREMENT_CORRECTED with the row it supersedes as `before`), in the caller's transaction.
 * Returns the rows as stored. The database holds every slot to one value in force: a write that
 * lost a race for one is refused with SlotTaken.
 */
export async function writeMeasurements(
  manager: EntityManager,
  rows: NewMeasurement[],
  author: MeasurementAuthor,
  now: Date,
): Promise<Measurement[]> {
  // Two would both claim to be in force.
  if (new Set(rows.map(slotOf)).size < rows.length)
    throw new Error("two values for one KPI, period, unit and part in one write");
  const written: Measurement[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await manager
      .insert(
        Measurement,
        chunk.map(({ supersedes, ...row }) => ({
          ...row,
          supersedesId: supersedes?.id ?? null,
          ...inForceKeys({ ...row, supersedesId: supersedes?.id ?? null }),
          status: MeasurementStatus.PROVISIONAL,
          jobRunId: author.jobRunId,
          recordedBy: author.jobRunId === null ? author.actor : null,
          recordedAt: now,
        })),
      )
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new SlotTaken(chunk) : error;
      });
    const ids = result.identifiers.map((identifier) => identifier.id as number);
    // Read back, so that the caller and the audit trail see values as the database keeps them.
    const stored = new Map((await manager.findBy(Measurement, { id: In(ids) })).map((m) => [m.id, m]));
    const measurements = ids.map((id) => stored.get(id)!);
    await recordAudits(
      manager,
      measurements.map((measurement, j) => ({
        actor: author.actor,
        role: author.role,
        action: chunk[j].supersedes ? "MEASUREMENT_CORRECTED" : "MEASUREMENT_RECORDED",
        entityType: "Measurement",
        entityId: String(measurement.id),
        before: chunk[j].supersedes,
        after: measurement,
      })),
      now,
    );
    written.push(...measurements);
  }
  return written;
}

/** The values in force (rows no other row supersedes) of some KPIs in some years, to look up by period, unit and part. */
export interface ValuesInForce {
  get(kpiId: number, period: Period, orgUnitId: number | null, breakdown?: string | null): Measurement | null;
}

export async function valuesInForce(manager: EntityManager, kpiIds: number[], years: number[]): Promise<ValuesInForce> {
  const rows =
    kpiIds.length && years.length
      ? await manager
          .createQueryBuilder(Measurement, "m")
          .leftJoin(Measurement, "later", "later.supersedesId = m.id")
          .where("later.id IS NULL")
          .andWhere({ kpiId: In([...new Set(kpiIds)]), year: In([...new Set(years)]) })
          .getMany()
      : [];
  const bySlot = new Map(rows.map((m) => [slotOf(m), m]));
  return {
    get: (kpiId, period, orgUnitId, breakdown = null) =>
      bySlot.get(
        slotOf({ kpiId, year: period.year, periodKind: period.kind, periodIndex: period.index, orgUnitId, breakdown }),
      ) ?? null,
  };
}
