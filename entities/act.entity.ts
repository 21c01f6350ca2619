import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn } from "./columns";
import { ActEffect, ActKind } from "./enums";
import { Plan } from "./plan.entity";
import { LocalDate } from "./scalars";

@ObjectType({
  description: "A formal act (deliberazione, determinazione, decreto) that approves, changes or is cited by the plan",
})
@Entity("act")
@Index(["planId", "date"])
export class Act {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  planId!: number;

  @ManyToOne(() => Plan, { nullable: false })
  @JoinColumn({ name: "planId" })
  plan?: Plan;

  @Field({ description: "Stable key, e.g. GC-2187-2019" })
  @Column({ type: "varchar", length: 64, unique: true })
  key!: string;

  @Field(() => ActKind)
  @Column({ type: "varchar", length: 32 })
  kind!: ActKind;

  @Field(() => String, { nullable: true, description: "The act's number; null for acts the source cites without one" })
  @Column({ type: "varchar", length: 16, nullable: true })
  number!: string | null;

  @Field(() => LocalDate)
  @DateColumn()
  date!: string;

  @Field()
  @Column({ type: "text" })
  subject!: string;

  @Field(() => ActEffect)
  @Column({ type: "varchar", length: 32 })
  effect!: ActEffect;

  @Field(() => LocalDate, { nullable: true, description: "When the act takes effect, where it differs from its date" })
  @DateColumn({ nullable: true })
  effectiveDate!: string | null;

  @Field(() => Int, { nullable: true, description: "Line of the seed text where the act is cited" })
  @Column({ type: "int", nullable: true })
  seedLine!: number | null;
}
