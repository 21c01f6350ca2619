import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DecimalColumn } from "./columns";
import { CycleSnapshot } from "./cycle-snapshot.entity";

/**
 * One objective's attainment as frozen when the cycle closed (per unit for the Gestionali and the
 * Obiettivi di Direzione, the administration as a whole for the Solidali): a row each, for a plan
 * of thousands of objectives.
 */
@Entity("frozen_score")
@Index(["snapshotId", "objectiveKey"])
export class FrozenScore {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  snapshotId!: number;

  @ManyToOne(() => CycleSnapshot, { nullable: false })
  @JoinColumn({ name: "snapshotId" })
  snapshot?: CycleSnapshot;

  @Column({ type: "varchar", length: 64 })
  objectiveKey!: string;

  /** Null: the administration as a whole. */
  @Column({ type: "varchar", length: 32, nullable: true })
  unitCode!: string | null;

  /** The score in force: the Nucleo's override, else the computed one; null when incomplete. */
  @DecimalColumn({ nullable: true })
  score!: string | null;

  @DecimalColumn({ nullable: true })
  computedScore!: string | null;
}
