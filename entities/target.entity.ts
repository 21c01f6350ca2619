import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Act } from "./act.entity";
import { DecimalColumn, JsonColumn } from "./columns";
import { Kpi } from "./kpi.entity";
import { Decimal } from "./scalars";

@ObjectType({ description: "A KPI's target for one year, and the act that set it" })
@Entity("target")
@Index(["kpiId", "year"], { unique: true })
export class Target {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  kpiId!: number;

  @ManyToOne(() => Kpi, { nullable: false })
  @JoinColumn({ name: "kpiId" })
  kpi?: Kpi;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field({ description: "The target as the plan states it" })
  @Column({ type: "text" })
  description!: string;

  @Field(() => [String], { description: "Sub-items the plan lists under the target" })
  @JsonColumn()
  items!: string[];

  @Field(() => Decimal, { nullable: true, description: "Target value, where the plan gives a number" })
  @DecimalColumn({ nullable: true })
  value!: string | null;

  @Field(() => Decimal, { nullable: true, description: "Floor (or ceiling) where partial credit starts" })
  @DecimalColumn({ nullable: true })
  bound!: string | null;

  @Column({ type: "int" })
  actId!: number;

  @ManyToOne(() => Act, { nullable: false })
  @JoinColumn({ name: "actId" })
  act?: Act;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  seedLine!: number | null;
}
