import { EntityManager, In } from "typeorm";
import { JobRun } from "../../entities/job-run.entity";
import { JobRunStatus } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { RejectedRow } from "../../entities/rejected-row.entity";
import { RowWarning } from "../../entities/row-warning.entity";
import { recordAudit } from "../../src/audit/record-audit";
import { assertYearsOpen } from "../../src/cycles/cycles";
import { NewMeasurement, valuesInForce, writeMeasurements } from "../../src/measurement/write-measurements";
import { periodLabel } from "../../src/periods";
import { JobValue } from "../job";
import { KeptRow, RowJournal } from "./row-journal";

/** What a run read from its source: its counts, the rows it rejected and the values it made. */
export interface Collected {
  rowsRead: number;
  rowsAccepted: number;
  rejected: KeptRow[];
  /** Rows used, but flagged: a year can hold hundreds of thousands, so they wait on disk. */
  warnings: RowJournal;
  values: JobValue[];
}

const CHUNK = 500;

/**
 * A run's outcome, in the caller's transaction: its values (superseding those in force), the rows
 * it rejected, its counts and its audit event.
 */
export async function writeOutcome(
  tx: EntityManager,
  run: JobRun,
  collected: Collected,
  source: string,
  now: Date,
): Promise<JobRun> {
  await assertYearsOpen(
    tx,
    collected.values.map((v) => v.period.year),
  );
  const kpis = new Map(
    (await tx.find(Kpi, { where: { code: In([...new Set(collected.values.map((v) => v.kpiCode))]) } })).map((k) => [
      k.code,
      k,
    ]),
  );
  const units = new Map((await tx.find(OrgUnit)).map((u) => [u.code, u]));
  const inForce = await valuesInForce(
    tx,
    [...kpis.values()].map((k) => k.id),
    collected.values.map((v) => v.period.year),
  );
  const rows = collected.values.map((value): NewMeasurement => {
    const kpi = kpis.get(value.kpiCode);
    if (!kpi) throw new Error(`KPI ${value.kpiCode}, which ${run.jobKey} feeds, is not defined`);
    const orgUnitId = value.unitCode === null ? null : (units.get(value.unitCode)?.id ?? null);
    const previous = inForce.get(kpi.id, value.period, orgUnitId, value.breakdown);
    return {
      kpiId: kpi.id,
      year: value.period.year,
      periodKind: value.period.kind,
      periodIndex: value.period.index,
      orgUnitId,
      breakdown: value.breakdown,
      value: value.value,
      numerator: value.numerator,
      denominator: value.denominator,
      supersedes: previous,
      reason:
        (previous
          ? `job run ${run.id} recomputed ${periodLabel(value.period)}${value.breakdown ? ` (${value.breakdown})` : ""}, superseding measurement ${previous.id}`
          : `job run ${run.id}`) + (value.reason ? `: ${value.reason}` : ""),
    };
  });
  const written = await writeMeasurements(tx, rows, { actor: run.triggeredBy, role: null, jobRunId: run.id }, now);
  const superseded = rows.flatMap((row) => (row.supersedes ? [row.supersedes.id] : []));
  for (let i = 0; i < collected.rejected.length; i += CHUNK)
    await insertKeptRows(tx, RejectedRow, run.id, collected.rejected.slice(i, i + CHUNK));
  for (const batch of collected.warnings.batches(CHUNK)) await insertKeptRows(tx, RowWarning, run.id, batch);
  const notes =
    [
      superseded.length ? `superseded ${superseded.length} earlier values (measurements ${superseded.join(", ")})` : "",
      collected.warnings.length ? `rows used with a warning: ${collected.warnings.length}` : "",
    ]
      .filter(Boolean)
      .join("; ") || null;
  await tx.update(
    JobRun,
    { id: run.id },
    {
      status: JobRunStatus.SUCCEEDED,
      finishedAt: now,
      rowsRead: collected.rowsRead,
      rowsAccepted: collected.rowsAccepted,
      rowsRejected: collected.rejected.length,
      notes,
    },
  );
  await recordAudit(
    tx,
    {
      actor: run.triggeredBy,
      role: null,
      action: "JOB_RUN_COMPLETED",
      entityType: "JobRun",
      entityId: String(run.id),
      before: null,
      after: {
        job: run.jobKey,
        period: run.period,
        source,
        // Each value has its own event (MEASUREMENT_RECORDED or _CORRECTED).
        measurements: written.length,
        superseded: superseded.length,
      },
    },
    now,
  );
  return tx.findOneByOrFail(JobRun, { id: run.id });
}

/** One multi-row INSERT: the entity insert builder's handling of 2,000 parameters cost more than MariaDB's work. */
async function insertKeptRows(
  tx: EntityManager,
  entity: typeof RejectedRow | typeof RowWarning,
  runId: number,
  rows: KeptRow[],
): Promise<void> {
  const escape = (name: string) => tx.connection.driver.escape(name);
  const columns = ["jobRunId", "line", "reason", "raw"].map(escape).join(", ");
  await tx.query(
    `INSERT INTO ${escape(tx.connection.getMetadata(entity).tableName)} (${columns}) VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`,
    rows.flatMap((row) => [runId, row.line, row.reason.slice(0, 500), row.raw]),
  );
}
