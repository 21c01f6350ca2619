import { Field, ID, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DecimalColumn, InstantColumn } from "./columns";
import { MeasurementStatus, PeriodKind } from "./enums";
import { JobRun } from "./job-run.entity";
import { Kpi } from "./kpi.entity";
import { OrgUnit } from "./org-unit.entity";
import { Decimal } from "./scalars";

/** The unique index that refuses a second value in force for a slot. */
export const MEASUREMENT_IN_FORCE = "UQ_measurement_in_force";

/**
 * One value of a KPI for a period. Append-only: a correction is a new row that names the row it
 * supersedes, with who and why; no row is ever updated.
 */
@ObjectType()
@Entity("measurement")
@Index(["supersedesId"])
// One value in force per slot, held by the database whatever writes: two first values of a slot, or
// two rows superseding one row, share the key. The *Key columns stand for the nullable ones, whose
// NULLs a unique index would never compare equal; the checks keep them in step (MySQL's are added by
// hand in the migration: TypeORM leaves checks out there).
@Index(
  MEASUREMENT_IN_FORCE,
  ["kpiId", "year", "periodKind", "periodIndex", "unitKey", "breakdownKey", "supersedesKey"],
  {
    unique: true,
  },
)
@Check("CHK_measurement_unit_key", `"unitKey" = COALESCE("orgUnitId", 0)`)
@Check("CHK_measurement_breakdown_key", `"breakdownKey" = COALESCE("breakdown", '')`)
@Check("CHK_measurement_supersedes_key", `"supersedesKey" = COALESCE("supersedesId", 0)`)
export class Measurement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  kpiId!: number;

  @ManyToOne(() => Kpi, { nullable: false })
  @JoinColumn({ name: "kpiId" })
  kpi?: Kpi;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => PeriodKind)
  @Column({ type: "varchar", length: 8 })
  periodKind!: PeriodKind;

  @Field(() => Int, { description: "Quarter 1-4 or month 1-12; 0 for the whole year" })
  @Column({ type: "int" })
  periodIndex!: number;

  @Column({ type: "int", nullable: true })
  orgUnitId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "orgUnitId" })
  orgUnit?: OrgUnit;

  @Field(() => String, { nullable: true, description: "A part of the whole, e.g. a CRM channel; null for the whole" })
  @Column({ type: "varchar", length: 64, nullable: true })
  breakdown!: string | null;

  /** orgUnitId, or 0 for the administration as a whole. */
  @Column({ type: "int" })
  unitKey!: number;

  /** breakdown, or '' for the whole. */
  @Column({ type: "varchar", length: 64 })
  breakdownKey!: string;

  @Field(() => Decimal, { nullable: true, description: "Null when the period had nothing to measure" })
  @DecimalColumn({ nullable: true })
  value!: string | null;

  @Field(() => Decimal, { nullable: true, description: "Numerator of a ratio KPI, kept so years add up exactly" })
  @DecimalColumn({ nullable: true, precision: 30, scale: 6 })
  numerator!: string | null;

  @Field(() => Decimal, { nullable: true, description: "Denominator of a ratio KPI" })
  @DecimalColumn({ nullable: true, precision: 30, scale: 6 })
  denominator!: string | null;

  @Field(() => MeasurementStatus)
  @Column({ type: "varchar", length: 16 })
  status!: MeasurementStatus;

  @Column({ type: "int", nullable: true })
  jobRunId!: number | null;

  @ManyToOne(() => JobRun, { nullable: true })
  @JoinColumn({ name: "jobRunId" })
  jobRun?: JobRun;

  @Field(() => String, { nullable: true, description: "Who recorded it, when not a job" })
  @Column({ type: "varchar", length: 128, nullable: true })
  recordedBy!: string | null;

  @Field()
  @InstantColumn()
  recordedAt!: Date;

  @Column({ type: "int", nullable: true })
  supersedesId!: number | null;

  /** supersedesId, or 0 for a first value. */
  @Column({ type: "int" })
  supersedesKey!: number;

  @ManyToOne(() => Measurement, { nullable: true })
  @JoinColumn({ name: "supersedesId" })
  supersedes?: Measurement;

  @Field(() => String, { nullable: true, description: "Why this value was recorded or corrected" })
  @Column({ type: "text", nullable: true })
  reason!: string | null;
}
