import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Objective } from "./objective.entity";

/** A year the objective applies to. */
@Entity("objective_year")
@Index(["year"])
export class ObjectiveYear {
  @PrimaryColumn({ type: "int" })
  objectiveId!: number;

  @ManyToOne(() => Objective, { nullable: false })
  @JoinColumn({ name: "objectiveId" })
  objective?: Objective;

  @PrimaryColumn({ type: "int" })
  year!: number;
}
