import { Fragment, useState } from "react";
import { StatusBadge } from "../../components/status-badge";
import { formatScore } from "../../format/italian";
import { scoreStatus } from "../../format/status";
import { ReviewList } from "../unit/review-list";
import { ReviewFields } from "../unit/types";
import { ReviewForm, ReviewTarget } from "./review-form";
import { useDecides } from "./decisions-open";

interface Props {
  name: string;
  status: string;
  score: number | null;
  computedScore: number | null;
  reviews: ReviewFields[];
  target: ReviewTarget;
  onDecided: () => void;
  /** A unit's row: opens its objectives for review one by one. */
  onOpen?: () => void;
}

/** One item under review: both scores, the decisions so far, and the form to decide, opened on demand. */
export function ReviewRow({ name, status, score, computedScore, reviews, target, onDecided, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const decides = useDecides();
  return (
    <Fragment>
      <tr>
        <th scope="row">{name}</th>
        <td className="number" data-score="computed">
          {formatScore(computedScore)}
        </td>
        <td className="number" data-score="in-force">
          {formatScore(score)}
        </td>
        <td>
          <StatusBadge status={scoreStatus(status, score)} />
        </td>
        <td>
          <ReviewList reviews={reviews} />
        </td>
        <td>
          {decides && (
            <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
              Decidi<span className="sr-only"> su {name}</span>
            </button>
          )}
          {onOpen && (
            <button type="button" className="secondary" onClick={onOpen}>
              Obiettivi<span className="sr-only"> di {name}</span>
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={6}>
            <ReviewForm
              name={name}
              target={target}
              onDecided={() => {
                setOpen(false);
                onDecided();
              }}
            />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
