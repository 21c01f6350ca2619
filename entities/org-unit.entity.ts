import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn } from "./columns";
import { OrgUnitKind } from "./enums";
import { LocalDate } from "./scalars";

@ObjectType({ description: "An organisational unit (Direzione, Area, Segreteria) valid over a date range" })
@Entity("org_unit")
export class OrgUnit {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Stable short code, e.g. EDU for the Direzione Educazione" })
  @Column({ type: "varchar", length: 32, unique: true })
  code!: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => OrgUnitKind)
  @Column({ type: "varchar", length: 32 })
  kind!: OrgUnitKind;

  @Column({ type: "int", nullable: true })
  parentId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "parentId" })
  parent?: OrgUnit;

  @Column({ type: "int", nullable: true })
  predecessorId!: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: "predecessorId" })
  predecessor?: OrgUnit;

  @Field(() => LocalDate, {
    nullable: true,
    description: "First day of validity; null when it predates the plan's sources",
  })
  @DateColumn({ nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Last day of validity; null while it exists" })
  @DateColumn({ nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: "Pages of the plan's annex that show the unit" })
  @Column({ type: "varchar", length: 16, nullable: true })
  annexPages!: string | null;

  /** The date a query asked about ("as of"); set on a copy, never stored. */
  asOf?: string;
}
