import { useEffect, useRef } from "react";
import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { useFilters } from "../../filters";
import { NucleoUnitObjectivesDocument, ReviewedObjectiveFragment } from "../../generated/graphql";
import { seesNames } from "../../session/session";
import { useSession } from "../../session/session-context";
import { ReviewRow } from "./review-row";
import { ReviewTable } from "./review-table";

interface Props {
  code: string;
  onDecided: () => void;
}

/**
 * A unit's Obiettivi di Direzione, each to validate, contest or override on its own, and the
 * Gestionali as measured for it (a Gestionale's decision names the unit it is scored for).
 */
export function UnitObjectivesReview({ code, onDecided }: Props) {
  const { year } = useFilters();
  const names = seesNames(useSession());
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NucleoUnitObjectivesDocument,
    variables: { code, year, names },
  });
  const unit = data?.orgUnit;
  const section = useRef<HTMLDivElement>(null);
  // Opened from a unit's row far above: the keyboard and the eye are taken to it.
  const shownCode = unit?.code;
  useEffect(() => {
    if (shownCode) section.current?.focus();
  }, [shownCode]);
  const decided = () => {
    refetch({ requestPolicy: "network-only" });
    onDecided();
  };
  const rows = (objectives: ReviewedObjectiveFragment[], unitCode: string | null) =>
    objectives.map((o) => (
      <ReviewRow
        key={o.objective.key}
        name={`${o.objective.number ?? ""}. ${o.objective.title}`}
        status={o.status}
        score={o.score}
        computedScore={o.computedScore}
        reviews={o.reviews}
        target={{ objectiveKey: o.objective.key, unitCode }}
        onDecided={decided}
      />
    ));
  return (
    <>
      <QueryState fetching={fetching} error={error} />
      {unit && (
        <div ref={section} tabIndex={-1}>
          <ReviewTable title={`Obiettivi di Direzione: ${unit.name}`}>
            {rows(unit.attainment.direzione.objectives, null)}
          </ReviewTable>
          <ReviewTable title={`Obiettivi Gestionali misurati per ${unit.name}`}>
            {rows(unit.attainment.gestionale.objectives, unit.code)}
          </ReviewTable>
        </div>
      )}
    </>
  );
}
