import { CsvInbox } from "./csv-inbox";
import { HttpJson } from "./http-json";
import { SourceAdapter } from "./source";
import { SqlTable } from "./sql-table";

/**
 * The adapter a job's configuration names:
 *   csv:<folder>                    every .csv file dropped in the folder
 *   sql:<database url>#<table>      a table or view (mysql://… or an SQLite file path)
 *   http:<url>                      a JSON endpoint; {from} and {to} are filled with the period
 * `timeoutMs`: how long an HTTP source may take to answer in full.
 */
export function adapterFor(spec: string, timeoutMs?: number): SourceAdapter {
  const [kind, ...rest] = spec.split(":");
  const target = rest.join(":");
  switch (kind) {
    case "csv":
      return new CsvInbox(target);
    case "sql": {
      const hash = target.lastIndexOf("#");
      if (hash < 0) throw new Error(`"${spec}" must name the table: sql:<url>#<table>`);
      return new SqlTable(target.slice(0, hash), target.slice(hash + 1));
    }
    case "http":
      return new HttpJson(target, timeoutMs);
    default:
      throw new Error(`"${spec}" is not a source: use csv:<folder>, sql:<url>#<table> or http:<url>`);
  }
}
