import { SourceRecord } from "../job";

/** Where a job reads its rows: a SQL table or view, an inbox of CSV files, or an HTTP JSON endpoint. */
export interface SourceAdapter {
  /** For the run's record: which source was read. */
  readonly description: string;
  /** Whether `read` hands the rows sharing a `groupField` value together. */
  readonly groups: boolean;
  /**
   * At least the rows whose `dateField` falls, as a date in Milan, in [from, to] (days): an adapter
   * may hand more (every row, when it cannot filter; a day either side, for instants with a zone),
   * and the run leaves out those of other days. Rows come in batches, in order: a run reads
   * millions, and one await per row cost more than parsing it.
   */
  read(from: string, to: string, dateField: string, groupField?: string): AsyncIterable<SourceRecord[]>;
}

/** Rows in a source's batches: a run's reader takes at most this many at a time. */
export const BATCH_ROWS = 1000;

/** A source that failed as a whole (unreachable, missing): worth retrying, unlike a bad row. */
export class SourceUnavailable extends Error {}
