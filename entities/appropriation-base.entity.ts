import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Act } from "./act.entity";
import { DecimalColumn, InstantColumn } from "./columns";
import { Decimal } from "./scalars";

/**
 * The year's appropriations for goods and services (stanziamenti di spesa per acquisto di beni e
 * servizi), the base of the Fondo di Garanzia Debiti Commerciali (L. 145/2018 c. 862), as a user
 * records it from the act it comes from. Append-only: a new record for a year is in force from
 * then on and the earlier ones stay.
 */
@ObjectType({
  description:
    "Gli stanziamenti per beni e servizi di un anno, base del Fondo di Garanzia Debiti Commerciali, con l'atto da cui vengono",
})
@Entity("appropriation_base")
@Index(["year", "id"])
export class AppropriationBase {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => Decimal, { description: "Euro, net of the appropriations funded by earmarked resources" })
  @DecimalColumn({ precision: 20, scale: 2 })
  amount!: string;

  @Column({ type: "int" })
  actId!: number;

  @Field(() => Act, { description: "The act the amount comes from (e.g. the budget's resolution)" })
  @ManyToOne(() => Act, { nullable: false, eager: true })
  @JoinColumn({ name: "actId" })
  act!: Act;

  @Field({ description: "Who recorded it" })
  @Column({ type: "varchar", length: 128 })
  recordedBy!: string;

  @Field()
  @InstantColumn()
  recordedAt!: Date;
}
