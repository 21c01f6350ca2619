import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Act } from "./act.entity";
import { DateColumn, DecimalColumn, JsonColumn } from "./columns";
import { Kpi } from "./kpi.entity";
import { Decimal, LocalDate } from "./scalars";

/**
 * A KPI's target for one year, in force from a date. A change by act adds a row in force from its
 * effective date; earlier rows stay, so attainment on any date uses the target in force that day.
 */
@ObjectType({ description: "A KPI's target for one year, in force from a date, and the act that set it" })
@Entity("target")
@Index(["kpiId", "year", "effectiveDate"], { unique: true })
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

  @Field(() => Decimal, {
    nullable: true,
    description: "Floor (HIGHER_IS_BETTER) or ceiling (LOWER_IS_BETTER) where partial credit starts",
  })
  @DecimalColumn({ nullable: true })
  bound!: string | null;

  @Field({ description: 'True when the target must be exceeded ("> 70%"): reaching it exactly is not enough' })
  @Column({ type: "boolean", default: false })
  strict!: boolean;

  @Field(() => Decimal, { nullable: true, description: "RANGE: the lower bound of the range that scores 1" })
  @DecimalColumn({ nullable: true })
  low!: string | null;

  @Field(() => Decimal, { nullable: true, description: "RANGE: the upper bound of the range that scores 1" })
  @DecimalColumn({ nullable: true })
  high!: string | null;

  @Field(() => Decimal, { nullable: true, description: "RANGE: how far outside the range partial credit reaches 0" })
  @DecimalColumn({ nullable: true })
  tolerance!: string | null;

  @Field(() => LocalDate, { description: "The day from which this target is in force" })
  @DateColumn({ default: "2000-01-01" })
  effectiveDate!: string;

  @Column({ type: "int" })
  actId!: number;

  @ManyToOne(() => Act, { nullable: false })
  @JoinColumn({ name: "actId" })
  act?: Act;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  seedLine!: number | null;
}
