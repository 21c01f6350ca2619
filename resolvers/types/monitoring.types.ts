import { Field, Float, ObjectType } from "type-graphql";
import { Kpi } from "../../entities/kpi.entity";
import { MonitoringReport } from "../../entities/monitoring-report.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Phase } from "../../entities/phase.entity";
import { LocalDate } from "../../entities/scalars";
import { AttainmentStatus } from "./attainment.types";

@ObjectType({ description: "What a unit still has to report on an objective for a monitoring date" })
export class ObjectiveDue {
  @Field(() => Objective) objective!: Objective;
  @Field(() => OrgUnit) unit!: OrgUnit;
  @Field(() => [Phase], { description: "Phases due by the date that no report says done or late" })
  missingPhases!: Phase[];
  @Field(() => [Kpi], { description: "KPIs entered by hand with no value reported for the year" })
  missingValues!: Kpi[];
  @Field({ description: "Off target (a phase late, or at the year's end short of target) with no reason given" })
  missingReason!: boolean;
  @Field(() => MonitoringReport, { nullable: true }) lastReport!: MonitoringReport | null;
}

@ObjectType({ description: "A KPI at a point of the trajectory" })
export class TrajectoryKpi {
  @Field(() => Kpi) kpi!: Kpi;
  @Field(() => Float, { nullable: true, description: "The value reported (a MILESTONE: the share of phases)" })
  value!: number | null;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => String, { nullable: true }) missing!: string | null;
}

@ObjectType({ description: "An objective's score at a monitoring date, from what its directorates reported by then" })
export class TrajectoryPoint {
  @Field(() => LocalDate) date!: string;
  @Field(() => AttainmentStatus) status!: AttainmentStatus;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => [TrajectoryKpi]) kpis!: TrajectoryKpi[];
}
