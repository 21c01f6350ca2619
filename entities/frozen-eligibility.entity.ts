import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DecimalColumn } from "./columns";
import { CycleSnapshot } from "./cycle-snapshot.entity";

/** One employee's eligibility as frozen when the cycle closed (personal data). */
@Entity("frozen_eligibility")
@Index(["snapshotId", "employeeCode"])
export class FrozenEligibility {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  snapshotId!: number;

  @ManyToOne(() => CycleSnapshot, { nullable: false })
  @JoinColumn({ name: "snapshotId" })
  snapshot?: CycleSnapshot;

  @Column({ type: "int" })
  employeeId!: number;

  @Column({ type: "varchar", length: 32 })
  employeeCode!: string;

  @Column({ type: "varchar", length: 200 })
  employeeName!: string;

  @Column({ type: "varchar", length: 16 })
  category!: string;

  @Column({ type: "varchar", length: 16 })
  status!: string;

  @Column({ type: "boolean" })
  gateOpen!: boolean;

  @DecimalColumn({ nullable: true })
  unitScore!: string | null;

  @DecimalColumn({ nullable: true })
  individualScore!: string | null;

  @DecimalColumn({ nullable: true })
  composite!: string | null;

  @DecimalColumn({ nullable: true })
  payableShare!: string | null;

  @DecimalColumn()
  days!: string;

  /** JSON: the assignments, units' scores and assessment it came from. */
  @Column({ type: "text" })
  inputs!: string;
}
