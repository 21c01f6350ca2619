import { Connection } from "mysql2/promise";
import { generateCrmContacts } from "../simulate/crm-contacts";
import { generatePaymentLines } from "../simulate/payment-lines";
import { CRM_CONTACTS, PAYMENT_LINES, TableSpec, WORKS_PROGRAMME, writeMysql } from "../simulate/sinks";
import { generateWorksProgramme } from "../simulate/works-programme";
import { measured } from "./measure";

type Rows = Iterable<Record<string, unknown>>;

/** A GENERATED source table the job benches read, and how many of its units (invoices, contacts…) scale 1 has. */
interface SourceTable {
  spec: TableSpec;
  unitsAtScale1: number;
  generate(units: number): Rows;
}

const SOURCE_TABLES: SourceTable[] = [
  { spec: PAYMENT_LINES, unitsAtScale1: 300_000, generate: (n) => generatePaymentLines(2019, n) as Rows },
  { spec: CRM_CONTACTS, unitsAtScale1: 2_000_000, generate: (n) => generateCrmContacts(2019, n) as Rows },
  { spec: WORKS_PROGRAMME, unitsAtScale1: 300, generate: (n) => generateWorksProgramme(2019, n) as Rows },
];

/** What the sources database holds, written after each table is complete, so a stopped generation leaves no record. */
const RECORD = "bench_sources";

export interface SourceFigures {
  table: string;
  scale: number;
  /** Invoices, contacts or interventions generated; a payment line per invoice or more. */
  units: number;
  rows: number;
  reused: boolean;
  /** Of the generation (when it was reused: of the generation that made it). */
  seconds: number;
  /** Of this run's generation only: it must stay flat however many rows. */
  peakRssAboveBaselineMb?: number;
  peakHeapAboveBaselineMb?: number;
}

/**
 * Fills the sources database with the tables asked, at the scale asked. With `reuse`, a table the
 * database already holds at that scale is kept; one held at another scale stops the bench, since
 * its figures would not be the scale's.
 */
export async function provideSources(
  connection: Connection,
  url: string,
  tables: string[],
  scale: number,
  reuse: boolean,
): Promise<SourceFigures[]> {
  await connection.query(
    `CREATE TABLE IF NOT EXISTS ${RECORD} (source_table VARCHAR(64) PRIMARY KEY, scale DOUBLE NOT NULL,
       units BIGINT NOT NULL, row_count BIGINT NOT NULL, seconds DOUBLE NOT NULL, generated_at DATETIME NOT NULL)`,
  );
  const [held] = (await connection.query(
    `SELECT r.source_table, r.scale, r.units, r.row_count, r.seconds FROM ${RECORD} r
     JOIN information_schema.tables t ON t.table_schema = DATABASE() AND t.table_name = r.source_table`,
  )) as unknown as [Array<{ source_table: string; scale: number; units: number; row_count: number; seconds: number }>];
  const figures: SourceFigures[] = [];
  for (const table of tables) {
    const source = SOURCE_TABLES.find((s) => s.spec.table === table);
    if (!source) throw new Error(`no generator for the source table ${table}`);
    const record = reuse ? held.find((h) => h.source_table === table) : undefined;
    if (record && record.scale !== scale)
      throw new Error(
        `La tabella ${table} del database ${url.slice(url.lastIndexOf("/") + 1)} è stata generata a scala ${record.scale}, ` +
          `non alla scala ${scale} chiesta: ` +
          `togliere --reuse-sources per rigenerarla o indicare un altro database con --sources.`,
      );
    if (record) {
      figures.push({
        table,
        scale,
        units: Number(record.units),
        rows: Number(record.row_count),
        reused: true,
        seconds: record.seconds,
      });
      continue;
    }
    await connection.query(`DELETE FROM ${RECORD} WHERE source_table = ?`, [table]);
    const units = Math.round(source.unitsAtScale1 * scale);
    const run = await measured(() => writeMysql(url, source.spec, source.generate(units)));
    const seconds = +run.seconds.toFixed(1);
    await connection.query(`INSERT INTO ${RECORD} VALUES (?, ?, ?, ?, ?, NOW())`, [
      table,
      scale,
      units,
      run.result,
      seconds,
    ]);
    figures.push({
      table,
      scale,
      units,
      rows: run.result,
      reused: false,
      seconds,
      peakRssAboveBaselineMb: +run.peakRssMb.toFixed(1),
      peakHeapAboveBaselineMb: +run.peakHeapMb.toFixed(1),
    });
  }
  return figures;
}
