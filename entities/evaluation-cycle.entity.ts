import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { CycleStatus } from "./enums";
import { Plan } from "./plan.entity";

@ObjectType({ description: "The evaluation of one plan year: OPEN → UNDER_REVIEW → VALIDATED → CLOSED" })
@Entity("evaluation_cycle")
export class EvaluationCycle {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  planId!: number;

  @ManyToOne(() => Plan, { nullable: false })
  @JoinColumn({ name: "planId" })
  plan?: Plan;

  @Field(() => Int)
  @Column({ type: "int", unique: true })
  year!: number;

  @Field(() => CycleStatus)
  @Column({ type: "varchar", length: 16 })
  status!: CycleStatus;
}
