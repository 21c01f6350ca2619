import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DecimalColumn } from "./columns";
import { CycleSnapshot } from "./cycle-snapshot.entity";

/** One employee's eligibility in a category, as frozen when the Nucleo validated the year (personal data). */
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

  /** The premium plus the art. 69 maggiorazione, the share the fund is split by. */
  @DecimalColumn({ nullable: true })
  payableShare!: string | null;

  @DecimalColumn({ nullable: true })
  maggiorazione!: string | null;

  /** Place in the art. 69 order of merit of the category's paid staff. */
  @Column({ type: "int", nullable: true })
  art69Rank!: number | null;

  /** Euros to the cent from the category's fund; null when INCOMPLETE or without a fund. */
  @DecimalColumn({ nullable: true })
  amount!: string | null;

  /** JSON: why it is INCOMPLETE; null when COMPLETE. */
  @Column({ type: "text", nullable: true })
  reasons!: string | null;

  @DecimalColumn()
  days!: string;

  /** JSON: the assignments, units' scores and assessment it came from. */
  @Column({ type: "text" })
  inputs!: string;
}
