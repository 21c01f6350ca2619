import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ description: "A public body (Ente); the model allows more than one" })
@Entity("administration")
export class Administration {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "ISTAT code, e.g. 015146 for the Comune di Milano" })
  @Column({ type: "varchar", length: 16, unique: true })
  code!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name!: string;
}
