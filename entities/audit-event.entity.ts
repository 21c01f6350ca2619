import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";

/** A record of one write: who, when, what before and after. Inserted only, never updated or deleted. */
@ObjectType({ description: "One write: who, with which role, when, and the record before and after (JSON)" })
@Entity("audit_event")
@Index(["entityType", "entityId"])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @InstantColumn()
  at!: Date;

  @Field()
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 32, nullable: true })
  role!: string | null;

  @Field()
  @Column({ type: "varchar", length: 64 })
  action!: string;

  @Field()
  @Column({ type: "varchar", length: 64 })
  entityType!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  entityId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  after!: string | null;
}
