import { formatDateTime, formatScore } from "../../format/italian";
import { useLabel } from "../../labels";
import { ReviewFields } from "./types";

/** The Nucleo's decisions, oldest first: what it decided, the score it set, and why. */
export function ReviewList({ reviews }: { reviews: ReviewFields[] }) {
  const label = useLabel();
  if (reviews.length === 0) return null;
  return (
    <ul className="reviews">
      {reviews.map((r) => (
        <li key={r.id}>
          Nucleo di Valutazione, {formatDateTime(r.decidedAt)}: <strong>{label("ReviewDecision", r.decision)}</strong>
          {r.score !== null && ` a ${formatScore(r.score)}`}
          {r.comment && ` — ${r.comment}`}
          {r.decidedBy && <span className="computed"> ({r.decidedBy})</span>}
        </li>
      ))}
    </ul>
  );
}
