import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";
import { Person } from "./person.entity";

/**
 * A person's e-mail address, where reminders to the units they head go. A change adds a row: the
 * latest is in force, the earlier ones stay to say where past reminders went.
 */
@Entity("person_email")
@Index(["personId", "recordedAt"])
export class PersonEmail {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  personId!: number;

  @ManyToOne(() => Person, { nullable: false })
  @JoinColumn({ name: "personId" })
  person?: Person;

  @Column({ type: "varchar", length: 254 })
  email!: string;

  @Column({ type: "varchar", length: 128 })
  recordedBy!: string;

  @InstantColumn()
  recordedAt!: Date;
}
