import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Act } from "./act.entity";
import { DateColumn, DecimalColumn } from "./columns";
import { ObjectiveStatus } from "./enums";
import { Objective } from "./objective.entity";
import { Decimal, LocalDate } from "./scalars";

/**
 * A phase of an objective's cronoprogramma, as the Direttore Generale's act sets it. Its definition
 * changes only by act (each change a PlanChange with the fields before and after); its progress
 * comes from the directorates' monitoring reports.
 */
@ObjectType({ description: "A phase of an objective's cronoprogramma: planned date and weight, set by act" })
@Entity("phase")
@Index(["objectiveId", "position"])
export class Phase {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  objectiveId!: number;

  @ManyToOne(() => Objective, { nullable: false })
  @JoinColumn({ name: "objectiveId" })
  objective?: Objective;

  @Field({ description: "Stable code, unique in the plan (e.g. DIR-EDU-2019-14-F1)" })
  @Column({ type: "varchar", length: 96, unique: true })
  code!: string;

  @Field()
  @Column({ type: "text" })
  name!: string;

  @Field(() => LocalDate, { description: "When the phase is due" })
  @DateColumn()
  plannedDate!: string;

  @Field(() => Decimal, { description: "Weight among the objective's phases" })
  @DecimalColumn()
  weight!: string;

  @Field(() => Int)
  @Column({ type: "int" })
  position!: number;

  @Field(() => ObjectiveStatus, { description: "REMOVED: taken out of the cronoprogramma by act" })
  @Column({ type: "varchar", length: 16 })
  status!: ObjectiveStatus;

  @Column({ type: "int" })
  actId!: number;

  @ManyToOne(() => Act, { nullable: false })
  @JoinColumn({ name: "actId" })
  act?: Act;
}
