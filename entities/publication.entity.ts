import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, InstantColumn } from "./columns";
import { TransparencyObligation } from "./enums";
import { LocalDate } from "./scalars";

/**
 * A publication in Amministrazione Trasparente, as a user records it: which obligation, for which
 * period, where and on what day. Append-only: recorded again (a corrected URL), the latest is in
 * force and the earlier ones stay.
 */
@ObjectType({ description: "Una pubblicazione in Amministrazione Trasparente, registrata con il suo indirizzo" })
@Entity("publication")
@Index(["obligation", "period", "id"])
export class Publication {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => TransparencyObligation)
  @Column({ type: "varchar", length: 32 })
  obligation!: TransparencyObligation;

  @Field({ description: "2019-Q1 for a quarter, 2019 for a year" })
  @Column({ type: "varchar", length: 8 })
  period!: string;

  @Field({ description: "Where it is published" })
  @Column({ type: "varchar", length: 500 })
  url!: string;

  @Field(() => LocalDate, { description: "The day it was published (in Milan)" })
  @DateColumn()
  publishedOn!: string;

  @Field({ description: "Who recorded it" })
  @Column({ type: "varchar", length: 128 })
  recordedBy!: string;

  @Field()
  @InstantColumn()
  recordedAt!: Date;
}
