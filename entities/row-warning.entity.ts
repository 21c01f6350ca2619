import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { JobRun } from "./job-run.entity";

@ObjectType({
  description: "A source row a job run used but flagged, e.g. a contract term over the 60 days the law allows",
})
@Entity("row_warning")
@Index(["jobRunId", "line"])
export class RowWarning {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  jobRunId!: number;

  @ManyToOne(() => JobRun, { nullable: false })
  @JoinColumn({ name: "jobRunId" })
  jobRun?: JobRun;

  @Field(() => Int, { description: "Line of the source file, or row number of the source query" })
  @Column({ type: "int" })
  line!: number;

  @Field({ description: "What it breaks and how the row was counted, naming the field" })
  @Column({ type: "varchar", length: 500 })
  reason!: string;

  @Field({ description: "The row as read" })
  @Column({ type: "text" })
  raw!: string;
}
