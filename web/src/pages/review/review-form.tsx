import { FormEvent, useId, useState } from "react";
import { useMutation } from "urql";
import { useFilters } from "../../filters";
import { decimalFromItalian } from "../../format/italian";
import { RecordReviewDocument, ReviewDecision } from "../../generated/graphql";
import { invalidField } from "../../graphql/errors";

export interface ReviewTarget {
  objectiveKey: string | null;
  unitCode: string | null;
}

const DECISIONS: Array<{ value: ReviewDecision; label: string }> = [
  { value: "VALIDATED", label: "Convalida" },
  { value: "CONTESTED", label: "Contesta, con un commento" },
  { value: "OVERRIDDEN", label: "Sostituisci il punteggio, con una motivazione" },
];

/** The Nucleo's decision on one item: validate, contest with a comment, or override with a justification. */
export function ReviewForm({ name, target, onDecided }: { name: string; target: ReviewTarget; onDecided: () => void }) {
  const { year } = useFilters();
  const id = useId();
  const [decision, setDecision] = useState<ReviewDecision>("VALIDATED");
  const [comment, setComment] = useState("");
  const [score, setScore] = useState("");
  const [localProblem, setLocalProblem] = useState<{ field: string; message: string } | null>(null);
  const [{ fetching, error }, record] = useMutation(RecordReviewDocument);
  const problem = localProblem ?? invalidField(error);
  // The API names the field it refuses; comment and score are shown beside their input, the rest under the form.
  const shownAt = problem?.field === "comment" || problem?.field === "score" ? problem.field : "form";
  const problemFor = (field: string) => (problem && shownAt === field ? problem.message : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setLocalProblem(null);
    let value: number | null = null;
    if (decision === "OVERRIDDEN") {
      const typed = decimalFromItalian(score);
      if (typed === null) {
        setLocalProblem({ field: "score", message: "Indica il punteggio in percentuale, da 0 a 100 (es. 80 o 80,5)." });
        return;
      }
      value = Number(typed) / 100;
    }
    const result = await record({
      input: { year, decision, comment: comment.trim() || null, score: value, gateOpen: null, ...target },
    });
    if (!result.error) onDecided();
  };

  const commentError = problemFor("comment");
  const scoreError = problemFor("score");
  const formError = problemFor("form");
  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-label={`Decisione su ${name}`}
      className="review-form"
      noValidate
    >
      <fieldset>
        <legend>Decisione</legend>
        {DECISIONS.map((d) => (
          <label key={d.value} className="radio">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d.value}
              checked={decision === d.value}
              onChange={() => setDecision(d.value)}
            />
            {d.label}
          </label>
        ))}
      </fieldset>
      {decision === "OVERRIDDEN" && (
        <div className="field">
          <label htmlFor={`${id}-score`}>Punteggio in vigore (%)</label>
          <input
            id={`${id}-score`}
            inputMode="decimal"
            value={score}
            onChange={(e) => setScore(e.target.value)}
            aria-invalid={scoreError ? true : undefined}
            aria-describedby={scoreError ? `${id}-score-error` : undefined}
          />
          {scoreError && (
            <span id={`${id}-score-error`} className="field-error">
              {scoreError}
            </span>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-comment`}>{decision === "OVERRIDDEN" ? "Motivazione" : "Commento"}</label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? `${id}-comment-error` : undefined}
        />
        {commentError && (
          <span id={`${id}-comment-error`} className="field-error">
            {commentError}
          </span>
        )}
      </div>
      {formError && (
        <p role="alert" className="field-error">
          {formError}
        </p>
      )}
      <button type="submit" disabled={fetching}>
        Registra la decisione
      </button>
    </form>
  );
}
