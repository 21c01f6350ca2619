import { JobRunStatus, SourceAlertKind } from "../../entities/enums";
import { FinishedRun, judgeRuns } from "../../src/alerts/judge-runs";

const run = (id: number, status: JobRunStatus, rowsRead = 0, rowsRejected = 0): FinishedRun => ({
  id,
  jobKey: "payment-timeliness",
  period: "2019-Q4",
  status,
  rowsRead,
  rowsRejected,
  error: status === JobRunStatus.SUCCEEDED ? null : "la fonte non risponde",
});
const { SUCCEEDED, FAILED, INTERRUPTED } = JobRunStatus;

describe("what a job's latest runs say about its source", () => {
  it("raises FAILED_TWICE on a second failure in a row, naming both runs, and only once while it stays open", () => {
    expect(judgeRuns(run(2, FAILED), run(1, SUCCEEDED), [], 0.05)).toEqual({ clear: false, raise: [] });
    expect(judgeRuns(run(3, FAILED), run(2, INTERRUPTED), [], 0.05)).toEqual({
      clear: false,
      raise: [
        {
          kind: SourceAlertKind.FAILED_TWICE,
          message: "payment-timeliness non è riuscito due volte di seguito (esecuzioni 2 e 3): la fonte non risponde",
        },
      ],
    });
    expect(judgeRuns(run(4, FAILED), run(3, FAILED), [SourceAlertKind.FAILED_TWICE], 0.05).raise).toEqual([]);
  });

  it("raises REJECTED_SHARE for a success rejecting 1 row in 4 (25%) over a 10% threshold, and clears the others", () => {
    expect(judgeRuns(run(5, SUCCEEDED, 4, 1), run(4, FAILED), [SourceAlertKind.FAILED_TWICE], 0.1)).toEqual({
      clear: true,
      raise: [
        {
          kind: SourceAlertKind.REJECTED_SHARE,
          message: "L'esecuzione 5 di payment-timeliness ha scartato 1 righe su 4 (25%), oltre la soglia del 10%",
        },
      ],
    });
  });

  it("clears on a success within the threshold: 1 in 10 (10%) is not over 10%", () => {
    expect(judgeRuns(run(6, SUCCEEDED, 10, 1), run(5, SUCCEEDED), [SourceAlertKind.REJECTED_SHARE], 0.1)).toEqual({
      clear: true,
      raise: [],
    });
  });

  it("raises NO_ROWS for a success that found no row for its period, clearing the others", () => {
    expect(judgeRuns(run(7, SUCCEEDED, 0, 0), run(6, FAILED), [SourceAlertKind.FAILED_TWICE], 0.05)).toEqual({
      clear: true,
      raise: [
        {
          kind: SourceAlertKind.NO_ROWS,
          message:
            "L'esecuzione 7 di payment-timeliness non ha trovato righe per 2019-Q4: la fonte non ha dati nuovi dal periodo precedente",
        },
      ],
    });
  });
});
