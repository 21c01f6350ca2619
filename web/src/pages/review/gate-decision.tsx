import { FormEvent, useId, useState } from "react";
import { useMutation } from "urql";
import { useFilters } from "../../filters";
import { NucleoReviewQuery, RecordReviewDocument } from "../../generated/graphql";
import { invalidField } from "../../graphql/errors";
import { ReviewList } from "../unit/review-list";
import { useDecides } from "./decisions-open";

type Gate = NucleoReviewQuery["attainment"]["gate"];

const gateWord = (open: boolean | null) =>
  open === null ? "non ancora valutabile" : open ? "raggiunto" : "non raggiunto";

/** The Solidale gate as a whole: what the rule computes, what is in force, and the Nucleo's decision on it. */
export function GateDecision({ gate, onDecided }: { gate: Gate; onDecided: () => void }) {
  const { year } = useFilters();
  const decides = useDecides();
  const id = useId();
  const [open, setOpen] = useState(true);
  const [comment, setComment] = useState("");
  const [{ fetching, error }, record] = useMutation(RecordReviewDocument);
  const problem = invalidField(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await record({
      input: {
        year,
        decision: "OVERRIDDEN",
        gateOpen: open,
        comment: comment.trim() || null,
        objectiveKey: null,
        unitCode: null,
        score: null,
      },
    });
    if (!result.error) onDecided();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Cancello degli Obiettivi Solidali</h2>
      <p>
        Calcolato: <strong data-gate="computed">{gateWord(gate.computedOpen)}</strong> · In vigore:{" "}
        <strong data-gate="in-force">{gateWord(gate.open)}</strong>
      </p>
      <ReviewList reviews={gate.reviews} />
      {decides && (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Decisione sul cancello">
          <fieldset>
            <legend>Decisione del Nucleo sul cancello</legend>
            <label className="radio">
              <input type="radio" name={`${id}-open`} checked={open} onChange={() => setOpen(true)} />
              Raggiunto
            </label>
            <label className="radio">
              <input type="radio" name={`${id}-open`} checked={!open} onChange={() => setOpen(false)} />
              Non raggiunto
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-comment`}>Motivazione</label>
            <textarea
              id={`${id}-comment`}
              rows={2}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-error` : undefined}
            />
            {problem && (
              <span id={`${id}-error`} className="field-error" role="alert">
                {problem.message}
              </span>
            )}
          </div>
          <button type="submit" disabled={fetching}>
            Registra la decisione sul cancello
          </button>
        </form>
      )}
    </section>
  );
}
