import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn, ScoreColumn } from "./columns";
import { Employee } from "./employee.entity";
import { StaffCategory } from "./enums";
import { OrgUnit } from "./org-unit.entity";
import { LocalDate } from "./scalars";

@ObjectType({
  description: "An employee's assignment to a unit over dates, with the category and the share of full time held then",
})
@Entity("assignment")
@Index(["employeeId", "validFrom"])
@Index(["unitId"])
export class Assignment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  employeeId!: number;

  @ManyToOne(() => Employee, { nullable: false })
  @JoinColumn({ name: "employeeId" })
  employee?: Employee;

  @Column({ type: "int" })
  unitId!: number;

  @ManyToOne(() => OrgUnit, { nullable: false })
  @JoinColumn({ name: "unitId" })
  unit?: OrgUnit;

  @Field(() => LocalDate)
  @DateColumn()
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true })
  @DateColumn({ nullable: true })
  validTo!: string | null;

  @Field(() => Float, { description: "1 full time, 0.5 half time" })
  @ScoreColumn()
  share!: number;

  /** The category held over these dates: a promotion is a new assignment, so earlier years keep theirs. */
  @Field(() => StaffCategory)
  @Column({ type: "varchar", length: 16 })
  category!: StaffCategory;
}
