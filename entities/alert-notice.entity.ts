import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import { ReminderStatus } from "./enums";
import { SourceAlert } from "./source-alert.entity";

/**
 * One attempt at telling the administrators of an alert by e-mail: to whom, how it went and why
 * not. Kept for good; a retry at the next tick adds a row, so nothing is lost or overwritten.
 */
@ObjectType({ description: "An attempt at e-mailing an alert to the administrators, and how it went" })
@Entity("alert_notice")
@Index(["alertId"])
export class AlertNotice {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  alertId!: number;

  @ManyToOne(() => SourceAlert, { nullable: false })
  @JoinColumn({ name: "alertId" })
  alert?: SourceAlert;

  @Field(() => String, {
    nullable: true,
    description: "The administrators' addresses (ALERT_EMAILS), separated by commas; null when none is configured",
  })
  @Column({ type: "varchar", length: 1000, nullable: true })
  recipients!: string | null;

  @Field(() => ReminderStatus)
  @Column({ type: "varchar", length: 16 })
  status!: ReminderStatus;

  @Field(() => Int, { description: "Attempts at sending it in this tick" })
  @Column({ type: "int" })
  attempts!: number;

  @Field(() => String, { nullable: true, description: "Why it was not sent, in Italian" })
  @Column({ type: "text", nullable: true })
  reason!: string | null;

  @Field()
  @InstantColumn()
  recordedAt!: Date;
}
