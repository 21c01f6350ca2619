import { HealthIndicatorsQuery } from "../../generated/graphql";

/** A health indicator's KPI as the HealthIndicators query answers it. */
export type HealthKpi = HealthIndicatorsQuery["objectives"]["nodes"][number]["attainment"]["kpis"][number];
