import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn, JsonColumn } from "./columns";
import { PhaseProgress } from "./enums";
import { Objective } from "./objective.entity";
import { OrgUnit } from "./org-unit.entity";
import { LocalDate } from "./scalars";

@ObjectType({ description: "A phase's progress as reported" })
export class PhaseReport {
  @Field() phaseCode!: string;
  @Field(() => PhaseProgress) progress!: PhaseProgress;
  @Field(() => LocalDate, { nullable: true, description: "DONE: the day it was done; LATE: the day now expected" })
  date!: string | null;
  @Field(() => String, { nullable: true, description: "What shows it (a document, an act, a link)" })
  evidence!: string | null;
}

@ObjectType({ description: "A gap from target (scostamento), its reason and the corrective action" })
export class GapReport {
  @Field(() => String, { nullable: true, description: "The KPI off target; null for the objective as a whole" })
  kpiCode!: string | null;
  @Field() reason!: string;
  @Field() correctiveAction!: string;
}

/**
 * A directorate's report on one objective at a monitoring date (Funzione Pubblica guideline
 * 3/2018): phase progress, the KPI values it recorded (as measurements) and, for every gap from
 * target, the reason and the corrective action. Append-only: a later report on the same objective
 * and date supersedes the earlier one, which stays.
 */
@ObjectType({ description: "A directorate's monitoring report on an objective at a monitoring date" })
@Entity("monitoring_report")
@Index(["objectiveId", "monitoringDate"])
@Index(["unitId", "monitoringDate"])
export class MonitoringReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  objectiveId!: number;

  @ManyToOne(() => Objective, { nullable: false })
  @JoinColumn({ name: "objectiveId" })
  objective?: Objective;

  @Column({ type: "int" })
  unitId!: number;

  @ManyToOne(() => OrgUnit, { nullable: false })
  @JoinColumn({ name: "unitId" })
  unit?: OrgUnit;

  @Field(() => LocalDate, { description: "The monitoring date reported on (e.g. 30/06, 30/09, 31/12)" })
  @DateColumn()
  monitoringDate!: string;

  @Field(() => [PhaseReport])
  @JsonColumn()
  phases!: PhaseReport[];

  @Field(() => [GapReport])
  @JsonColumn()
  gaps!: GapReport[];

  @Field(() => [Int], { description: "Ids of the measurements recorded with the report" })
  @JsonColumn()
  measurementIds!: number[];

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Field()
  @Column({ type: "varchar", length: 128 })
  reportedBy!: string;

  @Field()
  @InstantColumn()
  reportedAt!: Date;

  /** One report supersedes at most one: the database refuses a second correction of the same report. */
  @Column({ type: "int", nullable: true, unique: true })
  supersedesId!: number | null;
}
