import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Administration } from "./administration.entity";

@ObjectType({ description: "A multi-year Piano degli Obiettivi, approved and amended by acts" })
@Entity("plan")
export class Plan {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  administrationId!: number;

  @ManyToOne(() => Administration, { nullable: false })
  @JoinColumn({ name: "administrationId" })
  administration?: Administration;

  @Field({ description: "Stable key of the plan, e.g. MILANO-PDO-2019-2021" })
  @Column({ type: "varchar", length: 64, unique: true })
  code!: string;

  @Field()
  @Column({ type: "varchar", length: 300 })
  title!: string;

  @Field(() => Int)
  @Column({ type: "int" })
  firstYear!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  lastYear!: number;
}
