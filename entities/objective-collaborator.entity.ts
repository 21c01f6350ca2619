import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Objective } from "./objective.entity";
import { OrgUnit } from "./org-unit.entity";

/** A unit named as collaborator ("in collaborazione con", "congiuntamente a") of an objective. */
@Entity("objective_collaborator")
@Index(["unitId"])
export class ObjectiveCollaborator {
  @PrimaryColumn({ type: "int" })
  objectiveId!: number;

  @ManyToOne(() => Objective, { nullable: false })
  @JoinColumn({ name: "objectiveId" })
  objective?: Objective;

  @PrimaryColumn({ type: "int" })
  unitId!: number;

  @ManyToOne(() => OrgUnit, { nullable: false })
  @JoinColumn({ name: "unitId" })
  unit?: OrgUnit;
}
