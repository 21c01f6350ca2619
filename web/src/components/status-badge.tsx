import { ScoreStatus, STATUS_LABEL } from "../format/status";

/** The status word on its colour: the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: ScoreStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}
