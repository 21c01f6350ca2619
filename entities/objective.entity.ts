import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn } from "./columns";
import { HealthGroup, ObjectiveLevel, ObjectiveStatus } from "./enums";
import { OrgUnit } from "./org-unit.entity";
import { Plan } from "./plan.entity";

@ObjectType({ description: "An objective of the plan, at one of its levels" })
@Entity("objective")
@Index(["planId", "level", "position"])
@Index(["ownerUnitId"])
export class Objective {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  planId!: number;

  @ManyToOne(() => Plan, { nullable: false })
  @JoinColumn({ name: "planId" })
  plan?: Plan;

  @Field({ description: "Stable key, e.g. DIR-EDU-2019-14" })
  @Column({ type: "varchar", length: 64, unique: true })
  key!: string;

  @Field(() => ObjectiveLevel)
  @Column({ type: "varchar", length: 16 })
  level!: ObjectiveLevel;

  @Field(() => String, {
    nullable: true,
    description:
      "The pillar (SOLIDALE), theme (GESTIONALE), group (SALUTE) or sub-heading (DIREZIONE), as the plan writes it",
  })
  @Column({ type: "varchar", length: 200, nullable: true })
  heading!: string | null;

  @Field(() => HealthGroup, { nullable: true })
  @Column({ type: "varchar", length: 16, nullable: true })
  healthGroup!: HealthGroup | null;

  @Field()
  @Column({ type: "text" })
  title!: string;

  /**
   * The owner after every act so far: a projection of the plan changes, kept so that lists can be
   * filtered and paginated in SQL. Ownership on a past date is derived from the changes themselves.
   */
  @Column({ type: "int", nullable: true })
  ownerUnitId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "ownerUnitId" })
  ownerUnit?: OrgUnit;

  @Column({ type: "int", nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Objective, { nullable: true })
  @JoinColumn({ name: "parentId" })
  parent?: Objective;

  @Field(() => Int, {
    nullable: true,
    description: "Number in the directorate's list for its year (restarts under each sub-heading)",
  })
  @Column({ type: "int", nullable: true })
  number!: number | null;

  @Field(() => ObjectiveStatus)
  @Column({ type: "varchar", length: 16 })
  status!: ObjectiveStatus;

  @Field(() => Int, { description: "Order of the objective in the plan document" })
  @Column({ type: "int" })
  position!: number;

  @Field(() => Int, { nullable: true, description: "Line of the seed text where the title starts" })
  @Column({ type: "int", nullable: true })
  seedLine!: number | null;

  @Field(() => [String], { description: "Collaborators the title names that are not units of the administration" })
  @JsonColumn()
  unresolvedCollaborators!: string[];
}
