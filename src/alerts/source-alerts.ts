import { DataSource, In, IsNull } from "typeorm";
import { JobRunStatus } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { SourceAlert } from "../../entities/source-alert.entity";
import { judgeRuns } from "./judge-runs";

/** The outcomes that say something about a source (a SKIPPED or RUNNING run says nothing yet). */
const FINISHED = [JobRunStatus.SUCCEEDED, JobRunStatus.FAILED, JobRunStatus.INTERRUPTED];

/**
 * After a run of a job: raises the alerts its latest runs call for, or clears the open ones when
 * it succeeded within the threshold, in one transaction.
 */
export async function judgeSource(dataSource: DataSource, jobKey: string, threshold: number, now: Date): Promise<void> {
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
      threshold,
    );
    if (clear && open.length)
      await manager.update(SourceAlert, { id: In(open.map((a) => a.id)) }, { clearedAt: now, clearedByRunId: last.id });
    if (raise.length)
      await manager.insert(
        SourceAlert,
        raise.map((r) => ({ jobKey, kind: r.kind, runId: last.id, message: r.message, raisedAt: now })),
      );
  });
}
