import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ description: "A person named by the plan, such as a unit's director" })
@Entity("person")
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "varchar", length: 64, unique: true })
  key!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: "Honorific as the plan writes it (Dott., Avv., Arch., Ing.)" })
  @Column({ type: "varchar", length: 16, nullable: true })
  honorific!: string | null;
}
