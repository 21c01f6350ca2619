import { JobRunStatus, SourceAlertKind } from "../../entities/enums";

export interface FinishedRun {
  id: number;
  jobKey: string;
  period: string;
  status: JobRunStatus;
  rowsRead: number;
  rowsRejected: number;
  error: string | null;
}

export interface Judgement {
  /** The open alerts are cleared by this run: it succeeded (over the threshold, it raises its own). */
  clear: boolean;
  raise: Array<{ kind: SourceAlertKind; message: string }>;
}

const percent = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString("it-IT")}%`;

/**
 * What a job's latest finished run says about its source, given the run before it and the kinds of
 * alert already open: two failures in a row raise FAILED_TWICE (once); a success clears the open
 * alerts, and raises NO_ROWS of its own when the source had no row for its period, or REJECTED_SHARE
 * when it rejected more than `threshold` of the rows it read.
 */
export function judgeRuns(
  last: FinishedRun,
  previous: FinishedRun | null,
  open: readonly SourceAlertKind[],
  threshold: number,
): Judgement {
  if (last.status === JobRunStatus.SUCCEEDED) {
    if (last.rowsRead === 0)
      return {
        clear: true,
        raise: [
          {
            kind: SourceAlertKind.NO_ROWS,
            message: `L'esecuzione ${last.id} di ${last.jobKey} non ha trovato righe per ${last.period}: la fonte non ha dati nuovi dal periodo precedente`,
          },
        ],
      };
    const share = last.rowsRejected / last.rowsRead;
    if (share <= threshold) return { clear: true, raise: [] };
    return {
      clear: true,
      raise: [
        {
          kind: SourceAlertKind.REJECTED_SHARE,
          message: `L'esecuzione ${last.id} di ${last.jobKey} ha scartato ${last.rowsRejected} righe su ${last.rowsRead} (${percent(share)}), oltre la soglia del ${percent(threshold)}`,
        },
      ],
    };
  }
  const failedTwice = previous !== null && previous.status !== JobRunStatus.SUCCEEDED;
  if (!failedTwice || open.includes(SourceAlertKind.FAILED_TWICE)) return { clear: false, raise: [] };
  return {
    clear: false,
    raise: [
      {
        kind: SourceAlertKind.FAILED_TWICE,
        message: `${last.jobKey} non è riuscito due volte di seguito (esecuzioni ${previous.id} e ${last.id}): ${last.error ?? "errore non indicato"}`,
      },
    ],
  };
}
