import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { ScoreColumn, InstantColumn } from "./columns";
import { ReviewDecision } from "./enums";
import { Objective } from "./objective.entity";
import { OrgUnit } from "./org-unit.entity";

/**
 * A decision of the Nucleo di Valutazione on an objective (for a Gestionale, in one unit), a unit, or
 * the Solidale gate; kept for good, a later decision adds a row.
 */
@ObjectType({
  description:
    "The Nucleo di Valutazione's decision on an objective's (a Gestionale's: in one unit), a unit's or the Solidale gate's attainment for a year",
})
@Entity("review")
@Index(["year", "objectiveId"])
@Index(["year", "unitId"])
export class Review {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Column({ type: "int", nullable: true })
  objectiveId!: number | null;

  @ManyToOne(() => Objective, { nullable: true })
  @JoinColumn({ name: "objectiveId" })
  objective?: Objective;

  @Column({ type: "int", nullable: true })
  unitId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "unitId" })
  unit?: OrgUnit;

  @Field(() => ReviewDecision)
  @Column({ type: "varchar", length: 16 })
  decision!: ReviewDecision;

  @Field(() => Boolean, {
    nullable: true,
    description: "A decision on the Solidale gate as a whole: whether it is reached (no objective, no unit)",
  })
  @Column({ type: "boolean", nullable: true })
  gateOpen!: boolean | null;

  @Field(() => Float, { nullable: true, description: "The score the Nucleo sets (0 to 1), when it overrides" })
  @ScoreColumn({ nullable: true })
  score!: number | null;

  @Field(() => String, { nullable: true, description: "Comments (contested) or justification (overridden)" })
  @Column({ type: "text", nullable: true })
  comment!: string | null;

  @Field()
  @Column({ type: "varchar", length: 128 })
  decidedBy!: string;

  @Field()
  @InstantColumn()
  decidedAt!: Date;
}
