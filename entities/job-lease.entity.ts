import { Column, Entity, PrimaryColumn } from "typeorm";
import { InstantColumn } from "./columns";

/**
 * Who may run a job now: one row per job, taken by a conditional update, so two servers on one
 * database never run the same job at once. A holder that dies loses the lease when it expires.
 */
@Entity("job_lease")
export class JobLease {
  @PrimaryColumn({ type: "varchar", length: 64 })
  jobKey!: string;

  @Column({ type: "varchar", length: 128, nullable: true })
  holder!: string | null;

  @InstantColumn({ nullable: true })
  expiresAt!: Date | null;
}
