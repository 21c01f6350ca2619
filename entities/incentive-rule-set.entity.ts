import { JSONResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn, JsonColumn } from "./columns";

@ObjectType({ description: "A version of a year's incentive rules, set by act" })
@Entity("incentive_rule_set")
@Index(["year", "version"], { unique: true })
export class IncentiveRuleSet {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  version!: number;

  @Field({ description: "The act that set these rules" })
  @Column({ type: "varchar", length: 64 })
  actKey!: string;

  @Field(() => JSONResolver, { description: "The rules, as JSON (see DESIGN.md §4)" })
  @JsonColumn()
  rules!: unknown;

  @Field()
  @InstantColumn()
  createdAt!: Date;

  @Field()
  @Column({ type: "varchar", length: 128 })
  createdBy!: string;
}
