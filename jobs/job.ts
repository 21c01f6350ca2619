import { PeriodKind } from "../entities/enums";
import { RowProblem } from "../src/csv/fields";
import { Period } from "../src/periods";

/** A source record as an adapter read it, with where it came from. */
export interface SourceRecord {
  /** Line of the file (header = 1), or the row's position in the query or response. */
  line: number;
  fields: Record<string, unknown>;
}

/** A value a job run writes. */
export interface JobValue {
  kpiCode: string;
  period: Period;
  unitCode: string | null;
  /** A part of the whole (a CRM channel); null for the whole. */
  breakdown: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  /** Why, beyond "job run N": e.g. derived from the quarters, or why the value is missing. */
  reason?: string;
}

/** A quarter's value in force, as a year is derived from it. */
export type QuarterValue = Pick<JobValue, "value" | "numerator" | "denominator">;

/**
 * A job: how to read one source row, which rows fall in a period, and the values a period's rows
 * make. The runner owns everything else (lease, retries, transaction, rejected rows).
 */
export interface JobDefinition<Row> {
  key: string;
  description: string;
  /** The source field that places a row in a period (an SQL source filters on it). */
  dateField: string;
  /** The periods the job measures by. */
  periodKinds: PeriodKind[];
  /**
   * A source field whose rows the job would rather receive together (an exact count of its
   * distinct values then keeps no memory per value); a source that can order by it does.
   */
  groupField?: string;
  /**
   * Throws a RowProblem (src/csv/fields.ts) for a field it cannot read: the run keeps the row as
   * rejected. A row it reads but flags (a term over the legal maximum) it passes to `warn`: the
   * run keeps the warning and uses the row.
   */
  parse(fields: Record<string, unknown>, warn: (problem: RowProblem) => void): Row;
  dateOf(row: Row): string;
  /**
   * Rows that count only once set against others of the run (ITP: credit notes against their
   * invoice's payments): the run hands it every row of its period and places what it answers.
   * `reach` names the rows read, e.g. "between 2019-10-01 and 2019-12-31".
   */
  settlement?(reach: string, grouped: boolean): Settlement<Row>;
  /**
   * The year's values from its four quarters' (null: none), when one quarter is run again alone;
   * a value that cannot be derived is given as null with the reason (engine/year-from-quarters.ts).
   */
  yearFromQuarters?(year: Period, quartersOf: (kpiCode: string) => Array<QuarterValue | null>): JobValue[];
  /** Folds the rows of a period, one at a time; `grouped`: the source hands them grouped by `groupField`. */
  accumulator(period: Period, grouped: boolean): Accumulator<Row>;
}

/** A period's fold (see JobDefinition.accumulator). */
export interface Accumulator<Row> {
  add(row: Row): void;
  values(): JobValue[];
  /**
   * Adds what another accumulator of the same job and run folded, as if its rows had been added
   * here. A job that has it is folded once a row: a year run adds its quarters up into the year.
   */
  absorb?(other: Accumulator<Row>): void;
}

/** See JobDefinition.settlement. */
export interface Settlement<Row> {
  /** A row of the run's period, with the record it was read from; answers the rows now ready to be placed. */
  add(row: Row, record: SourceRecord): Row[];
  /** When the source is read: the rows still held, and those it refused with their reason. */
  finish(): { settled: Row[]; refused: Array<{ line: number; raw: string; reason: string }> };
}
