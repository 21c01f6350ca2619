import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { InstantColumn } from "./columns";

/** A record of one write: who, when, what before and after. Inserted only, never updated or deleted. */
@Entity("audit_event")
@Index(["entityType", "entityId"])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @InstantColumn()
  at!: Date;

  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  role!: string | null;

  @Column({ type: "varchar", length: 64 })
  action!: string;

  @Column({ type: "varchar", length: 64 })
  entityType!: string;

  @Column({ type: "varchar", length: 64, nullable: true })
  entityId!: string | null;

  @Column({ type: "text", nullable: true })
  before!: string | null;

  @Column({ type: "text", nullable: true })
  after!: string | null;
}
