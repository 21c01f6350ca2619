import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import { SourceAlertKind } from "./enums";

/**
 * Something wrong with a job's source, raised by a run and cleared by the next run that succeeds
 * cleanly: the row stays, with when and by which run it was cleared.
 */
@ObjectType({ description: "Something wrong with a job's source, open until a later run succeeds cleanly" })
@Entity("source_alert")
@Index(["jobKey", "clearedAt"])
export class SourceAlert {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @Column({ type: "varchar", length: 64 })
  jobKey!: string;

  @Field(() => SourceAlertKind)
  @Column({ type: "varchar", length: 32 })
  kind!: SourceAlertKind;

  @Field(() => Int, { description: "The run that raised it" })
  @Column({ type: "int" })
  runId!: number;

  @Field({ description: "What is wrong, in Italian" })
  @Column({ type: "text" })
  message!: string;

  @Field()
  @InstantColumn()
  raisedAt!: Date;

  @Field(() => Date, { nullable: true })
  @InstantColumn({ nullable: true })
  clearedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The run whose success cleared it" })
  @Column({ type: "int", nullable: true })
  clearedByRunId!: number | null;
}
