import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Act } from "./act.entity";
import { DateColumn, JsonColumn } from "./columns";
import { PlanChangeKind, PlanChangeReason, PlanChangeSource, PlanElement } from "./enums";
import { Objective } from "./objective.entity";
import { OrgUnit } from "./org-unit.entity";
import { LocalDate } from "./scalars";

@ObjectType({ description: "Where an act's annex states a change" })
export class Citation {
  @Field(() => Int, { nullable: true, description: "Page of the plan annex the change cites" })
  page!: number | null;

  @Field(() => Int, { nullable: true, description: "Line of the seed text, for changes loaded from it" })
  seedLine!: number | null;
}

@ObjectType({ description: "A field of a scheda element before and after a change (null: not set)" })
export class FieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ description: "One change an act made to one objective or to an element of its scheda" })
@Entity("plan_change")
@Index(["objectiveId", "effectiveDate"])
@Index(["actId"])
export class PlanChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "varchar", length: 96, unique: true })
  key!: string;

  @Column({ type: "int" })
  actId!: number;

  @ManyToOne(() => Act, { nullable: false })
  @JoinColumn({ name: "actId" })
  act?: Act;

  @Column({ type: "int" })
  objectiveId!: number;

  @ManyToOne(() => Objective, { nullable: false })
  @JoinColumn({ name: "objectiveId" })
  objective?: Objective;

  @Field(() => PlanChangeKind)
  @Column({ type: "varchar", length: 16 })
  kind!: PlanChangeKind;

  @Field(() => PlanChangeReason, { nullable: true, description: "Null for the creations implied by the approving act" })
  @Column({ type: "varchar", length: 24, nullable: true })
  reason!: PlanChangeReason | null;

  @Field(() => PlanChangeSource)
  @Column({ type: "varchar", length: 16 })
  source!: PlanChangeSource;

  @Column({ type: "int", nullable: true })
  fromUnitId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "fromUnitId" })
  fromUnit?: OrgUnit;

  @Column({ type: "int", nullable: true })
  toUnitId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "toUnitId" })
  toUnit?: OrgUnit;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  oldTitle!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  newTitle!: string | null;

  @Field(() => LocalDate)
  @DateColumn()
  effectiveDate!: string;

  @Field(() => [Citation])
  @JsonColumn()
  citations!: Citation[];

  @Field(() => PlanElement, { description: "What the change touches: the objective or an element of its scheda" })
  @Column({ type: "varchar", length: 16, default: PlanElement.OBJECTIVE })
  element!: PlanElement;

  @Field(() => String, { nullable: true, description: "The KPI code, target (KPI code/year) or phase code changed" })
  @Column({ type: "varchar", length: 128, nullable: true })
  elementKey!: string | null;

  @Field(() => [FieldChange], {
    nullable: true,
    description: "For a change to a scheda element: each field before and after; null for an objective's change",
  })
  @JsonColumn({ nullable: true })
  fields!: FieldChange[] | null;

  @Field(() => String, {
    nullable: true,
    description: "How the change was read from the source, where it needed reading",
  })
  @Column({ type: "text", nullable: true })
  note!: string | null;
}
