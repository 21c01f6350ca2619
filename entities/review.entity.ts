import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { ScoreColumn, InstantColumn } from "./columns";
import { ReviewDecision } from "./enums";
import { Objective } from "./objective.entity";
import { OrgUnit } from "./org-unit.entity";

/** A decision of the Nucleo di Valutazione; kept for good, a later decision adds a row. */
@ObjectType({ description: "The Nucleo di Valutazione's decision on an objective's or a unit's attainment for a year" })
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
