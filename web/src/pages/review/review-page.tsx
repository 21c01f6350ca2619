import { useState } from "react";
import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { useFilters } from "../../filters";
import { NucleoReviewDocument } from "../../generated/graphql";
import { hasRole, seesNames } from "../../session/session";
import { useSession } from "../../session/session-context";
import { CycleStatus } from "./cycle-status";
import { DecisionsOpen } from "./decisions-open";
import { GateDecision } from "./gate-decision";
import { RelazioneDownloads } from "./relazione-downloads";
import { ReviewRow } from "./review-row";
import { ReviewTable } from "./review-table";
import { UnitObjectivesReview } from "./unit-objectives-review";

/** Revisione del Nucleo: the cycle, what is left to review, and the decisions, computed score beside the one in force. */
export function ReviewPage() {
  const session = useSession();
  const { year } = useFilters();
  const names = seesNames(session);
  const [{ data, fetching, error }, refetch] = useQuery({ query: NucleoReviewDocument, variables: { year, names } });
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const refresh = () => refetch({ requestPolicy: "network-only" });
  const attainment = data?.attainment;
  const cycle = data?.cycles.find((c) => c.year === year);
  const solidaliLeft = attainment?.gate.objectives.filter((o) => o.reviews.length === 0).length ?? 0;
  const unitsLeft = attainment?.units.filter((u) => u.reviews.length === 0).length ?? 0;
  const frozen = cycle?.status === "VALIDATED" || cycle?.status === "CLOSED";
  return (
    <DecisionsOpen.Provider value={!frozen}>
      <h1>Revisione del Nucleo di Valutazione · {year}</h1>
      {!hasRole(session, "EVALUATION_BOARD") && (
        <p className="help">Le decisioni sono del Nucleo: qui le vedi senza poterle registrare.</p>
      )}
      {hasRole(session, "EVALUATION_BOARD") && frozen && (
        <p className="help">
          Anno {cycle.status === "CLOSED" ? "chiuso" : "validato"}: le decisioni sono congelate con i risultati e
          restano da consultare.
        </p>
      )}
      <QueryState fetching={fetching} error={error} />
      {cycle && <CycleStatus cycle={cycle} />}
      <RelazioneDownloads />
      {attainment && (
        <>
          <section className="card" aria-labelledby="left-title">
            <h2 id="left-title">Da rivedere</h2>
            <p>
              {solidaliLeft} Obiettivi Solidali e {unitsLeft} direzioni senza alcuna decisione del Nucleo
              {attainment.gate.reviews.length === 0 ? "; nessuna decisione sul cancello nel suo insieme" : ""}.
            </p>
          </section>
          <GateDecision gate={attainment.gate} onDecided={refresh} />
          <ReviewTable title="Obiettivi Solidali">
            {attainment.gate.objectives.map((o) => (
              <ReviewRow
                key={o.objective.key}
                name={o.objective.title}
                status={o.status}
                score={o.score}
                computedScore={o.computedScore}
                reviews={o.reviews}
                target={{ objectiveKey: o.objective.key, unitCode: null }}
                onDecided={refresh}
              />
            ))}
          </ReviewTable>
          <ReviewTable title="Direzioni: media degli Obiettivi di Direzione">
            {attainment.units.map((u) => (
              <ReviewRow
                key={u.unit.code}
                name={u.unit.name}
                status={u.direzione.status}
                score={u.direzione.score}
                computedScore={u.direzione.computedScore}
                reviews={u.reviews}
                target={{ objectiveKey: null, unitCode: u.unit.code }}
                onDecided={refresh}
                onOpen={() => setUnitCode(u.unit.code)}
              />
            ))}
          </ReviewTable>
          {unitCode && <UnitObjectivesReview code={unitCode} onDecided={refresh} />}
        </>
      )}
    </DecisionsOpen.Provider>
  );
}
