import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";

/**
 * What a year looked like when its cycle closed: the Solidale gate and the rules in force, with
 * every objective's attainment (FrozenScore) and every employee's eligibility (FrozenEligibility)
 * frozen beside it, so that payroll's figures never move. A year reopened and closed again gets a new snapshot; the old ones stay.
 */
@Entity("cycle_snapshot")
@Index(["year", "takenAt"])
export class CycleSnapshot {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  year!: number;

  @InstantColumn()
  takenAt!: Date;

  @Column({ type: "varchar", length: 128 })
  takenBy!: string;

  @Column({ type: "int" })
  ruleSetVersion!: number;

  /** JSON: the gate's mode, threshold, score and whether it was open. */
  @Column({ type: "text" })
  gate!: string;
}
