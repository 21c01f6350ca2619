import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { ScoreColumn, InstantColumn } from "./columns";
import { Employee } from "./employee.entity";

@ObjectType({ description: "The quality of a person's behaviour in their tasks for a year, 0-100 (personal data)" })
@Entity("individual_assessment")
@Index(["employeeId", "year"], { unique: true })
export class IndividualAssessment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  employeeId!: number;

  @ManyToOne(() => Employee, { nullable: false })
  @JoinColumn({ name: "employeeId" })
  employee?: Employee;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => Float)
  @ScoreColumn()
  score!: number;

  @Column({ type: "varchar", length: 128 })
  recordedBy!: string;

  @InstantColumn()
  recordedAt!: Date;
}
