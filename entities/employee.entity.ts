import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { StaffCategory } from "./enums";

/** Personal data: reachable only by the roles that may see people (see resolvers/people). */
@ObjectType({ description: "An employee (personal data)" })
@Entity("employee")
export class Employee {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Matricola" })
  @Column({ type: "varchar", length: 32, unique: true })
  code!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => StaffCategory, {
    description:
      "The category now; eligibility uses the one each assignment held (a promotion changes no earlier year)",
  })
  @Column({ type: "varchar", length: 16 })
  category!: StaffCategory;
}
