import { DataSource } from "typeorm";
import { Kpi } from "../../entities/kpi.entity";
import { Objective } from "../../entities/objective.entity";
import { Target } from "../../entities/target.entity";
import { createAttainmentService } from "../../src/attainment/attainment-service";
import { precomputeStaleYears } from "../../src/attainment/precompute";
import { YearDataCache } from "../../src/attainment/year-data-cache";
import { openWithPlan, testDatabases } from "../support/databases";

describe.each(testDatabases)("the count of changes to attainment's inputs on $name", (db) => {
  let dataSource: DataSource;
  let cache: YearDataCache;
  let kpi: Kpi;
  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    cache = new YearDataCache(dataSource);
    kpi = await dataSource.manager.findOneByOrFail(Kpi, { code: "SOL-PIANO-QUARTIERI" });
  });
  afterAll(() => db.close(dataSource));

  const quote = (sql: string) => (dataSource.options.type === "better-sqlite3" ? sql.replace(/`/g, '"') : sql);
  /** The year's value; a second one supersedes the first, as the database's unique index asks. */
  const insertValue = async (value: number) => {
    const [{ latest }] = await dataSource.query<Array<{ latest: number | null }>>(
      quote(`SELECT MAX(id) AS latest FROM measurement WHERE kpiId = ${kpi.id}`),
    );
    await dataSource.query(
      quote(
        `INSERT INTO measurement (kpiId, year, periodKind, periodIndex, value, status, recordedAt, unitKey, breakdownKey, supersedesKey, supersedesId) VALUES (${kpi.id}, 2019, 'YEAR', 0, ${value}, 'PROVISIONAL', '2020-01-10 09:00:00.000', 0, '', ${latest ?? 0}, ${latest ?? "NULL"})`,
      ),
    );
  };

  it("moves with every insert, update and delete of a KPI, target or value, whatever SQL wrote it", async () => {
    const start = await cache.version();
    await insertValue(72);
    expect(await cache.version()).toBe(start + 1);
    await dataSource.query(quote(`UPDATE target SET value = 75 WHERE kpiId = ${kpi.id} AND year = 2019`));
    expect(await cache.version()).toBe(start + 2);
    await dataSource.query(
      quote(
        "INSERT INTO kpi (objectiveId, code, name, unit, direction, weight, frequency, source, scoring) VALUES (1, 'K-TEST', 'K', 'COUNT', 'HIGHER_IS_BETTER', 1, 'YEARLY', 'MANUAL', 'LINEAR')",
      ),
    );
    await dataSource.query(quote("DELETE FROM kpi WHERE code = 'K-TEST'"));
    expect(await cache.version()).toBe(start + 4);
  });

  it("stays put when other tables change", async () => {
    const start = await cache.version();
    await dataSource.manager.update(Objective, { key: "SOL-SOLIDALE" }, { title: "Milano Solidale" });
    expect(await cache.version()).toBe(start);
  });

  it("lets requests share a year's inputs until they change, then reloads them", async () => {
    const version = await cache.version();
    const first = await cache.yearData(version, 2019, null);
    expect(await cache.yearData(version, 2019, null)).toBe(first);
    expect(first.targets.find((t) => t.kpiId === kpi.id)?.value).toBe(75);

    await dataSource.manager.update(Target, { kpiId: kpi.id, year: 2019 }, { value: "70" });
    await insertValue(80);
    const latest = await cache.version();
    const after = await cache.yearData(latest, 2019, null);
    expect(after).not.toBe(first);
    // A request that began before the change reads the data for itself, and keeps the latest cached.
    expect(await cache.yearData(version, 2019, null)).not.toBe(after);
    expect(await cache.yearData(latest, 2019, null)).toBe(after);
    expect(after.targets.find((t) => t.kpiId === kpi.id)?.value).toBe(70);
    // 80 corrects 72: one value in force.
    expect(after.measurements.filter((m) => m.kpiId === kpi.id).map((m) => m.value)).toEqual([80]);
  });

  it("scores again the years it served once their inputs change, before the next request asks", async () => {
    const served = await cache.version();
    const objective = await dataSource.manager.findOneByOrFail(Objective, { id: kpi.objectiveId });
    await createAttainmentService(dataSource, cache).objective(objective, 2019, null);
    expect(await precomputeStaleYears(dataSource, cache)).toBe(0);

    await insertValue(95); // as another process would
    const latest = await cache.version();
    expect(latest).toBeGreaterThan(served);
    expect(cache.staleEntries(latest)).toEqual([{ year: 2019, asOf: null }]);
    expect(await precomputeStaleYears(dataSource, cache)).toBe(1);
    expect(cache.staleEntries(latest)).toEqual([]);

    const loaded = await cache.yearData(latest, 2019, null);
    expect(loaded.measurements.filter((m) => m.kpiId === kpi.id).map((m) => m.value)).toEqual([95]);
    // What it scored is what a request computing from nothing cached finds.
    const precomputed = await createAttainmentService(dataSource, cache).objective(objective, 2019, null);
    const afresh = await createAttainmentService(dataSource, new YearDataCache(dataSource)).objective(
      objective,
      2019,
      null,
    );
    expect(precomputed.score).toBe(afresh.score);
    expect(precomputed.kpis.map((k) => k.value)).toContain(95);
  });
});
