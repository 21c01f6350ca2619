import { LRUCache } from "lru-cache";
import { DataSource } from "typeorm";
import { ATTAINMENT_INPUTS, DataVersion } from "../../entities/data-version.entity";
import { attainmentCache } from "../metrics";
import { loadYearData } from "./year-data";

type LoadedYearData = Awaited<ReturnType<typeof loadYearData>>;

/**
 * Years' attainment inputs (KPIs, targets, yearly values) shared by the requests of one server.
 * Entries are keyed by the count of changes to those tables, which database triggers move on
 * every write from any code or replica: a request reads the count (one statement) and reuses the
 * data loaded at that count instead of reloading thousands of rows. The entries are read-only.
 */
export class YearDataCache {
  // One entry per year and asOf date, at the latest count seen; a few of them.
  private readonly entries = new LRUCache<string, { version: number; data: Promise<LoadedYearData> }>({ max: 8 });

  constructor(private readonly dataSource: DataSource) {}

  /** The current count of changes to attainment's inputs. */
  async version(): Promise<number> {
    const row = await this.dataSource.manager.findOneBy(DataVersion, { name: ATTAINMENT_INPUTS });
    if (!row)
      throw new Error(`data_version has no "${ATTAINMENT_INPUTS}" row: the database's migrations have not all run`);
    return row.version;
  }

  /** The years and "as of" days served, whose data was loaded before the count `version`. */
  staleEntries(version: number): Array<{ year: number; asOf: string | null }> {
    return [...this.entries.entries()]
      .filter(([, entry]) => entry.version < version)
      .map(([key]) => {
        const [year, asOf] = key.split("|");
        return { year: Number(year), asOf: asOf === "null" ? null : asOf };
      });
  }

  yearData(version: number, year: number, asOf: string | null): Promise<LoadedYearData> {
    const key = `${year}|${asOf}`;
    const entry = this.entries.get(key);
    if (entry && entry.version === version) {
      attainmentCache.inc({ result: "hit" });
      return entry.data;
    }
    attainmentCache.inc({ result: "miss" });
    const data = loadYearData(this.dataSource.manager, year, asOf);
    // A request that began before the latest change reads for itself; a failed read is not kept.
    if (!entry || entry.version < version) {
      this.entries.set(key, { version, data });
      data.catch(() => {
        if (this.entries.get(key)?.data === data) this.entries.delete(key);
      });
    }
    return data;
  }
}
