import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import { JobRunStatus } from "./enums";

@ObjectType({ description: "One run of a scheduled job over one period" })
@Entity("job_run")
@Index(["jobKey", "period"])
// One run per scheduled tick: a second server firing the same tick fails to insert and stands down.
@Index(["jobKey", "scheduledAt"], { unique: true })
export class JobRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @Column({ type: "varchar", length: 64 })
  jobKey!: string;

  @Field({ description: "The period measured, e.g. 2019-Q4" })
  @Column({ type: "varchar", length: 16 })
  period!: string;

  @Field(() => JobRunStatus)
  @Column({ type: "varchar", length: 16 })
  status!: JobRunStatus;

  @Field(() => Date, { nullable: true })
  @InstantColumn({ nullable: true })
  scheduledAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @InstantColumn({ nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @InstantColumn({ nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  rowsRead!: number;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  rowsAccepted!: number;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  rowsRejected!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 128, nullable: true })
  leaseHolder!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  error!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What the run did beyond its counts, e.g. the earlier values it superseded",
  })
  @Column({ type: "text", nullable: true })
  notes!: string | null;

  @Field({ description: "Who started it: the scheduler, or the person who triggered it" })
  @Column({ type: "varchar", length: 128 })
  triggeredBy!: string;
}
