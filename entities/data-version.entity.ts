import { Column, Entity, PrimaryColumn } from "typeorm";

/** The counter of attainment's inputs (kpi, target, measurement): the row migration AttainmentInputsVersion inserts. */
export const ATTAINMENT_INPUTS = "attainment-inputs";

/**
 * A count of the changes to a set of tables, kept by database triggers (migrations
 * AttainmentInputsVersion and EveryWriteCounted): whatever writes the rows, and on whichever
 * replica, the count moves, so a cache shared by requests can tell when it is stale. One row per
 * set; together they count every table the response cache's answers read (see EveryWriteCounted).
 */
@Entity("data_version")
export class DataVersion {
  /** The set counted: `attainment-inputs`, `plan-and-reviews`, `job-runs`. */
  @PrimaryColumn({ type: "varchar", length: 32 })
  name!: string;

  @Column({ type: "int" })
  version!: number;
}
