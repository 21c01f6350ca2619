import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { GateMode } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Objective } from "../../entities/objective.entity";
import { Review } from "../../entities/review.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Decimal, LocalDate } from "../../entities/scalars";
import { Target } from "../../entities/target.entity";
import { ObjectiveResult } from "../../src/attainment/compute";

export enum AttainmentStatus {
  SCORED = "SCORED",
  INCOMPLETE = "INCOMPLETE",
}
registerEnumType(AttainmentStatus, {
  name: "AttainmentStatus",
  description: "INCOMPLETE: some input is missing; never read as 0",
});

@ObjectType({ description: "A KPI's score for a year, with the value, target and rule that made it" })
export class KpiAttainment {
  @Field(() => Kpi) kpi!: Kpi;
  @Field(() => OrgUnit, { nullable: true, description: "The unit measured; null for the administration as a whole" })
  unit!: OrgUnit | null;
  @Field(() => AttainmentStatus) status!: AttainmentStatus;
  @Field(() => Float, { nullable: true, description: "0 to 1" }) score!: number | null;
  @Field(() => Decimal, { nullable: true, description: "The yearly value in force" }) value!: string | null;
  @Field(() => Measurement, { nullable: true, description: "The measurement the value comes from" })
  measurement!: Measurement | null;
  @Field(() => Target, { nullable: true, description: "The target, with the act that set it" }) target!: Target | null;
  @Field(() => String, { nullable: true, description: "The scoring rule applied" }) rule!: string | null;
  @Field(() => String, { nullable: true, description: "Why it cannot be scored" }) missing!: string | null;
}

@ObjectType({ description: "An objective's score for a year: the weighted mean of its KPIs' scores" })
export class ObjectiveAttainment {
  @Field(() => Objective) objective!: Objective;
  @Field(() => OrgUnit, { nullable: true }) unit!: OrgUnit | null;
  @Field(() => AttainmentStatus) status!: AttainmentStatus;
  @Field(() => Float, {
    nullable: true,
    description: "The score in force: the Nucleo's latest override, else the computed one",
  })
  score!: number | null;
  @Field(() => Float, { nullable: true, description: "The score computed from the KPIs, whatever the review" })
  computedScore!: number | null;
  @Field(() => [Review], { description: "The Nucleo's decisions on it for the year, oldest first" }) reviews!: Review[];
  @Field(() => String, { nullable: true }) missing!: string | null;
  /** What `kpis` and `explain` are made from: built only when a query asks for them. */
  computation!: { result: ObjectiveResult; year: number; asOf: string | null; kpis?: Promise<KpiAttainment[]> };
}

@ObjectType({ description: "A mean of objective scores" })
export class AttainmentSummary {
  @Field(() => AttainmentStatus) status!: AttainmentStatus;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "The mean computed from the objectives, whatever a unit-level override",
  })
  computedScore!: number | null;
  @Field(() => [ObjectiveAttainment]) objectives!: ObjectiveAttainment[];
}

@ObjectType({ description: "A directorate's attainment: its own objectives and its contribution to the Gestionali" })
export class UnitAttainment {
  @Field(() => OrgUnit) unit!: OrgUnit;
  @Field(() => AttainmentSummary, {
    description: "Mean of its Obiettivi di Direzione, or the Nucleo's override for the unit",
  })
  direzione!: AttainmentSummary;
  @Field(() => [Review], { description: "The Nucleo's decisions on the unit for the year" }) reviews!: Review[];
  @Field(() => AttainmentSummary, { description: "Mean of the Obiettivi Gestionali measured for it" })
  gestionale!: AttainmentSummary;
  @Field(() => Float, {
    nullable: true,
    description: "Its organisational score: Direzione and Gestionale weighed by the year's rules (70/30 by default)",
  })
  score!: number | null;
}

@ObjectType({ description: "Whether the administration as a whole reached its Obiettivi Solidali" })
export class SolidaleGate {
  @Field(() => Boolean, {
    nullable: true,
    description:
      "The Nucleo's decision on the gate where it took one, else computedOpen; null while it cannot be judged",
  })
  open!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "What the Solidali give by the year's rule; null while a Solidale objective is incomplete",
  })
  computedOpen!: boolean | null;
  @Field(() => [Review], { description: "The Nucleo's decisions on the gate as a whole, oldest first" })
  reviews!: Review[];
  @Field(() => GateMode, { description: "ALL (each at 100%) or WEIGHTED_MEAN" }) mode!: GateMode;
  @Field(() => Float) threshold!: number;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => [ObjectiveAttainment]) objectives!: ObjectiveAttainment[];
}

@ObjectType({ description: "The administration's attainment for a year, as known on a date" })
export class AdministrationAttainment {
  @Field(() => Int) year!: number;
  @Field(() => LocalDate, { nullable: true, description: "Null: as known now" }) asOf!: string | null;
  /** Resolved on demand by its field resolver. */
  @Field(() => SolidaleGate) gate?: SolidaleGate;
}
