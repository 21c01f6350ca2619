import { Column, Entity, PrimaryColumn } from "typeorm";

/** The counter of attainment's inputs (kpi, target, measurement): the row migration AttainmentInputsVersion inserts. */
export const ATTAINMENT_INPUTS = "attainment-inputs";

/** The counter of the staff (employee, assignment, individual_assessment): migration PeopleCounted. */
export const PEOPLE = "people";

/**
 * The MySQL/MariaDB session variable under which the people counter's triggers stand aside, as
 * migration PeopleCounted writes it: a bulk writer moves the counter once (src/storage/counted-once.ts).
 */
export const BULK_WRITE_VARIABLE = "@traguardo_bulk_write";

/**
 * A count of the changes to a set of tables, kept by database triggers (migrations
 * AttainmentInputsVersion, EveryWriteCounted and PeopleCounted): whatever writes the rows, and on whichever
 * replica, the count moves, so a cache shared by requests can tell when it is stale. One row per
 * set; together they count every table the response cache's answers read (see EveryWriteCounted).
 */
@Entity("data_version")
export class DataVersion {
  /** The set counted: `attainment-inputs`, `plan-and-reviews`, `job-runs`, `people`. */
  @PrimaryColumn({ type: "varchar", length: 32 })
  name!: string;

  @Column({ type: "int" })
  version!: number;
}
