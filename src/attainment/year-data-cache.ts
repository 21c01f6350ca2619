import { LRUCache } from "lru-cache";
import { DataSource } from "typeorm";
import { DataVersion } from "../../entities/data-version.entity";
import { ATTAINMENT_INPUTS } from "../migrations/1795621365356-AttainmentInputsVersion";
import { loadYearData } from "./year-data";

type LoadedYearData = Awaited<ReturnType<typeof loadYearData>>;

/**
 * Years' attainment inputs (KPIs, targets, yearly values) shared by the requests of one server.
 * Entries are keyed by the count of changes to those tables, which database triggers move on
 * every write from any code or replica: a request reads the count (one statement) and reuses the
 * data loaded at that count instead of reloading thousands of rows. The entries are read-only.
 */
export class YearDataCache {
  // A few years and asOf dates per count; entries of an older count simply age out.
  private readonly entries = new LRUCache<string, Promise<LoadedYearData>>({ max: 8 });

  constructor(private readonly dataSource: DataSource) {}

  /** The current count of changes to attainment's inputs. */
  async version(): Promise<number> {
    const row = await this.dataSource.manager.findOneBy(DataVersion, { name: ATTAINMENT_INPUTS.name });
    if (!row) throw new Error(`data_version has no "${ATTAINMENT_INPUTS.name}" row: the database's migrations have not all run`);
    return row.version;
  }

  yearData(version: number, year: number, asOf: string | null): Promise<LoadedYearData> {
    const key = `${version}|${year}|${asOf}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = loadYearData(this.dataSource.manager, year, asOf);
      // A failed read is not kept: the next request tries again.
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }
}
