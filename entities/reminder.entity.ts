import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn, JsonColumn } from "./columns";
import { ReminderKind, ReminderStatus } from "./enums";
import { OrgUnit } from "./org-unit.entity";
import { LocalDate } from "./scalars";

/**
 * A reminder of what is still owed before a deadline: to a unit's director before a monitoring
 * date, or to the administrators before a publication deadline; who it went to, what it listed,
 * when, and how it went. Kept for good; a retry adds a row.
 */
@ObjectType({
  description:
    "A reminder of what is still owed before a monitoring date (to a unit) or a publication deadline (to the administrators), and how its sending went",
})
@Entity("reminder")
@Index(["unitId", "day"])
export class Reminder {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => LocalDate, { description: "The day (in Milan) it was sent or listed" })
  @DateColumn()
  day!: string;

  @Field(() => ReminderKind)
  @Column({ type: "varchar", length: 16, default: ReminderKind.MONITORING })
  kind!: ReminderKind;

  @Field(() => LocalDate, {
    description: "The deadline reminded of: the monitoring date, or the publication's due date (kind PUBLICATION)",
  })
  @DateColumn()
  monitoringDate!: string;

  /** The unit reminded; null for a publication deadline, which goes to the administrators. */
  @Column({ type: "int", nullable: true })
  unitId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "unitId" })
  unit?: OrgUnit;

  @Field(() => String, {
    nullable: true,
    description:
      "The e-mail address of the unit's director, or the administrators' (ALERT_EMAILS) for a publication; null when none is known",
  })
  @Column({ type: "varchar", length: 254, nullable: true })
  recipient!: string | null;

  @Field(() => [String], { description: "What the unit still owes, one line each, as the message listed it" })
  @JsonColumn()
  items!: string[];

  /** The items' digest: the same list is not sent twice to a unit in a day. */
  @Column({ type: "varchar", length: 64 })
  fingerprint!: string;

  @Field(() => ReminderStatus)
  @Column({ type: "varchar", length: 16 })
  status!: ReminderStatus;

  @Field(() => Int, { description: "Attempts at sending it in this run" })
  @Column({ type: "int" })
  attempts!: number;

  @Field(() => String, { nullable: true, description: "Why it was not sent" })
  @Column({ type: "text", nullable: true })
  reason!: string | null;

  @Field()
  @InstantColumn()
  recordedAt!: Date;
}
