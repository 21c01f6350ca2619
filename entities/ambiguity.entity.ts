import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Plan } from "./plan.entity";

@ObjectType({ description: "A place where the source text allowed more than one reading, and the reading chosen" })
@Entity("ambiguity")
export class Ambiguity {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  planId!: number;

  @ManyToOne(() => Plan, { nullable: false })
  @JoinColumn({ name: "planId" })
  plan?: Plan;

  @Field()
  @Column({ type: "varchar", length: 64, unique: true })
  key!: string;

  @Field(() => Int)
  @Column({ type: "int" })
  seedLine!: number;

  @Field({ description: "What the source says there" })
  @Column({ type: "text" })
  issue!: string;

  @Field({ description: "The reading the data follows" })
  @Column({ type: "text" })
  reading!: string;
}
