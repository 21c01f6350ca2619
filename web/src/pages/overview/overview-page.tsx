import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { useFilters } from "../../filters";
import { formatDate } from "../../format/italian";
import { OverviewDocument } from "../../generated/graphql";
import { Freshness } from "./freshness";
import { GestionaliTable } from "./gestionali-table";
import { HealthIndicators } from "./health-indicators";
import { SolidaleGate } from "./solidale-gate";
import { SourceAlerts } from "./source-alerts";
import { UnitRanking } from "./unit-ranking";

/** Cruscotto dell'Ente: the year at a glance for the Direzione Generale. */
export function OverviewPage() {
  const { year, asOf } = useFilters();
  const [{ data, fetching, error }] = useQuery({ query: OverviewDocument, variables: { year, asOf } });
  const attainment = data?.attainment;
  return (
    <>
      <h1>
        Cruscotto dell'Ente · {year}
        <small>{asOf ? ` situazione al ${formatDate(asOf)}` : " situazione come nota oggi"}</small>
      </h1>
      <QueryState fetching={fetching} error={error} />
      {attainment && (
        <div className="grid">
          <SolidaleGate gate={attainment.gate} />
          <UnitRanking units={attainment.units} />
          <GestionaliTable units={attainment.units} />
        </div>
      )}
      <SourceAlerts />
      <HealthIndicators year={year} />
      <Freshness asOf={asOf} />
    </>
  );
}
