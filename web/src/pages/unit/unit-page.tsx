import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { useFilters } from "../../filters";
import { formatScore } from "../../format/italian";
import { UnitSchedaDocument } from "../../generated/graphql";
import { seesNames } from "../../session/session";
import { useSession } from "../../session/session-context";
import { ObjectiveCard } from "./objective-card";
import { ReviewList } from "./review-list";
import { UnitPicker } from "./unit-picker";

/** Scheda della Direzione: one unit's objectives, each figure with what explains it. */
export function UnitPage({ unitCode }: { unitCode: string | null }) {
  const session = useSession();
  const code = unitCode ?? session.units[0] ?? "DG";
  return (
    <>
      <h1>Scheda della Direzione</h1>
      <form className="inline" onSubmit={(e) => e.preventDefault()}>
        <UnitPicker current={code} />
      </form>
      <UnitScheda code={code} names={seesNames(session)} />
    </>
  );
}

function UnitScheda({ code, names }: { code: string; names: boolean }) {
  const { year, asOf } = useFilters();
  const [{ data, fetching, error }] = useQuery({ query: UnitSchedaDocument, variables: { code, year, asOf, names } });
  const unit = data?.orgUnit;
  if (!unit) return <QueryState fetching={fetching} error={error} />;
  const { attainment } = unit;
  return (
    <>
      <QueryState fetching={fetching} error={error} />
      <section className="card" aria-labelledby="unit-title">
        <h2 id="unit-title">
          {unit.name} · {year}
        </h2>
        <p>
          {unit.head && `Direttore: ${[unit.head.honorific, unit.head.name].filter(Boolean).join(" ")} · `}
          Punteggio organizzativo: <strong>{formatScore(attainment.score)}</strong> · Obiettivi di Direzione:{" "}
          {formatScore(attainment.direzione.score)}
          {attainment.direzione.computedScore !== attainment.direzione.score &&
            ` (calcolato ${formatScore(attainment.direzione.computedScore)})`}{" "}
          · Obiettivi Gestionali: {formatScore(attainment.gestionale.score)}
        </p>
        <ReviewList reviews={attainment.reviews} />
      </section>
      <h2>Obiettivi di Direzione</h2>
      {attainment.direzione.objectives.length === 0 && <p>Nessun Obiettivo di Direzione per l'anno.</p>}
      {attainment.direzione.objectives.map((o) => (
        <ObjectiveCard key={o.objective.key} figures={o} />
      ))}
      <h2>Obiettivi Gestionali</h2>
      {attainment.gestionale.objectives.map((o) => (
        <ObjectiveCard key={o.objective.key} figures={o} />
      ))}
    </>
  );
}
