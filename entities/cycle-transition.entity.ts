import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import { CycleStatus } from "./enums";
import { EvaluationCycle } from "./evaluation-cycle.entity";

@ObjectType({ description: "A move of a cycle, with who made it, when, and the act behind it" })
@Entity("cycle_transition")
@Index(["cycleId"])
export class CycleTransition {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  cycleId!: number;

  @ManyToOne(() => EvaluationCycle, { nullable: false })
  @JoinColumn({ name: "cycleId" })
  cycle?: EvaluationCycle;

  @Field(() => CycleStatus)
  @Column({ type: "varchar", length: 16 })
  fromStatus!: CycleStatus;

  @Field(() => CycleStatus)
  @Column({ type: "varchar", length: 16 })
  toStatus!: CycleStatus;

  @Field()
  @InstantColumn()
  at!: Date;

  @Field()
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => String, {
    nullable: true,
    description: "The act (e.g. the Nucleo's validation, or the act that reopens a year)",
  })
  @Column({ type: "varchar", length: 64, nullable: true })
  actKey!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  note!: string | null;
}
