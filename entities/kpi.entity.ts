import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DecimalColumn } from "./columns";
import { KpiDirection, KpiFrequency, KpiUnit, ScoringRule } from "./enums";
import { Objective } from "./objective.entity";
import { Decimal } from "./scalars";

@ObjectType({ description: "A measurable indicator of an objective" })
@Entity("kpi")
@Index(["objectiveId"])
export class Kpi {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  objectiveId!: number;

  @ManyToOne(() => Objective, { nullable: false })
  @JoinColumn({ name: "objectiveId" })
  objective?: Objective;

  @Field()
  @Column({ type: "varchar", length: 64, unique: true })
  code!: string;

  @Field()
  @Column({ type: "text" })
  name!: string;

  @Field(() => KpiUnit)
  @Column({ type: "varchar", length: 16 })
  unit!: KpiUnit;

  @Field(() => KpiDirection)
  @Column({ type: "varchar", length: 24 })
  direction!: KpiDirection;

  @Field(() => Decimal, { description: "Weight in its objective" })
  @DecimalColumn()
  weight!: string;

  @Field(() => KpiFrequency)
  @Column({ type: "varchar", length: 16 })
  frequency!: KpiFrequency;

  @Field({ description: "MANUAL, or the key of the job that feeds it" })
  @Column({ type: "varchar", length: 64 })
  source!: string;

  @Field(() => ScoringRule)
  @Column({ type: "varchar", length: 16 })
  scoring!: ScoringRule;
}
