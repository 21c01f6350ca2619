import { DataSource, In, IsNull } from "typeorm";
import { JobRunStatus, SourceAlertKind } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { SourceAlert } from "../../entities/source-alert.entity";
import { judgeRuns } from "./judge-runs";
import { valuesFarFromTrajectory } from "./trajectory-alerts";

/** The outcomes that say something about a source (a SKIPPED or RUNNING run says nothing yet). */
const FINISHED = [JobRunStatus.SUCCEEDED, JobRunStatus.FAILED, JobRunStatus.INTERRUPTED];

export interface AlertThresholds {
  /** ALERT_REJECTED_SHARE. */
  rejectedShare: number;
  /** ALERT_TRAJECTORY_TOLERANCE; null: values are not judged against their trajectory. */
  trajectoryTolerance: number | null;
}

/**
 * After a run of a job: raises the alerts its latest runs call for, or clears the open ones when
 * it succeeded, raising its own again if it rejected too many rows, found none, or wrote a value far
 * from its KPI's trajectory (so an alert clears once a later value is back within it), in one transaction.
 */
export async function judgeSource(
  dataSource: DataSource,
  jobKey: string,
  thresholds: AlertThresholds,
  now: Date,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const [last, previous] = await manager.find(JobRun, {
      where: { jobKey, status: In(FINISHED) },
      order: { id: "DESC" },
      take: 2,
    });
    if (!last) return;
    const open = await manager.findBy(SourceAlert, { jobKey, clearedAt: IsNull() });
    const { clear, raise } = judgeRuns(
      last,
      previous ?? null,
      open.map((a) => a.kind),
      thresholds.rejectedShare,
    );
    if (last.status === JobRunStatus.SUCCEEDED && thresholds.trajectoryTolerance !== null)
      for (const message of await valuesFarFromTrajectory(manager, last.id, thresholds.trajectoryTolerance))
        raise.push({ kind: SourceAlertKind.FAR_FROM_TRAJECTORY, message });
    if (clear && open.length)
      await manager.update(SourceAlert, { id: In(open.map((a) => a.id)) }, { clearedAt: now, clearedByRunId: last.id });
    if (raise.length)
      await manager.insert(
        SourceAlert,
        raise.map((r) => ({ jobKey, kind: r.kind, runId: last.id, message: r.message, raisedAt: now })),
      );
  });
}
