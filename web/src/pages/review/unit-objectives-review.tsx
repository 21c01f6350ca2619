import { useEffect, useRef } from "react";
import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { useFilters } from "../../filters";
import { NucleoUnitObjectivesDocument } from "../../generated/graphql";
import { seesNames } from "../../session/session";
import { useSession } from "../../session/session-context";
import { ReviewRow } from "./review-row";
import { ReviewTable } from "./review-table";

/** A unit's Obiettivi di Direzione, each to validate, contest or override on its own. */
export function UnitObjectivesReview({ code, onDecided }: { code: string; onDecided: () => void }) {
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
  return (
    <>
      <QueryState fetching={fetching} error={error} />
      {unit && (
        <div ref={section} tabIndex={-1}>
          <ReviewTable title={`Obiettivi di Direzione: ${unit.name}`}>
            {unit.attainment.direzione.objectives.map((o) => (
              <ReviewRow
                key={o.objective.key}
                name={`${o.objective.number ?? ""}. ${o.objective.title}`}
                status={o.status}
                score={o.score}
                computedScore={o.computedScore}
                reviews={o.reviews}
                target={{ objectiveKey: o.objective.key, unitCode: null }}
                onDecided={() => {
                  refetch({ requestPolicy: "network-only" });
                  onDecided();
                }}
              />
            ))}
          </ReviewTable>
        </div>
      )}
    </>
  );
}
