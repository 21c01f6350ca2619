import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn, JsonColumn } from "./columns";
import { ReminderStatus } from "./enums";
import { OrgUnit } from "./org-unit.entity";
import { LocalDate } from "./scalars";

/**
 * A reminder to a unit of what it still owes for a monitoring date: who it went to, what it
 * listed, when, and how it went. Kept for good; a retry adds a row.
 */
@ObjectType({
  description: "A reminder to a unit of what it still owes for a monitoring date, and how its sending went",
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

  @Field(() => LocalDate, { description: "The monitoring date the unit is reminded of" })
  @DateColumn()
  monitoringDate!: string;

  @Column({ type: "int" })
  unitId!: number;

  @ManyToOne(() => OrgUnit, { nullable: false })
  @JoinColumn({ name: "unitId" })
  unit?: OrgUnit;

  @Field(() => String, {
    nullable: true,
    description: "The e-mail address of the unit's director; null when none is known",
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
