import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import { JobRunStatus } from "./enums";

@ObjectType({ description: "One run of a scheduled job over one period" })
@Entity("job_run")
@Index(["jobKey", "period"])
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
}
