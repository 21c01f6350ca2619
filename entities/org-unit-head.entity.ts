import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateColumn } from "./columns";
import { OrgUnit } from "./org-unit.entity";
import { Person } from "./person.entity";

/** Who answered for a unit over a date range (null bounds: not stated by the source). */
@Entity("org_unit_head")
@Index(["unitId", "personId", "validFrom"], { unique: true })
export class OrgUnitHead {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  unitId!: number;

  @ManyToOne(() => OrgUnit, { nullable: false })
  @JoinColumn({ name: "unitId" })
  unit?: OrgUnit;

  @Column({ type: "int" })
  personId!: number;

  @ManyToOne(() => Person, { nullable: false })
  @JoinColumn({ name: "personId" })
  person?: Person;

  @DateColumn({ nullable: true })
  validFrom!: string | null;

  @DateColumn({ nullable: true })
  validTo!: string | null;
}
