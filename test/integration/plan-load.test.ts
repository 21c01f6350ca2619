import { DataSource } from "typeorm";
import { Act } from "../../entities/act.entity";
import { AuditEvent } from "../../entities/audit-event.entity";
import { entities } from "../../entities";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { Target } from "../../entities/target.entity";
import { loadPlan } from "../../src/plan-data/load-plan";
import { readPlanData } from "../../src/plan-data/read-plan-data";
import { testDatabases } from "../support/databases";

const data = readPlanData();

async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of entities) counts[entity.name] = await dataSource.manager.count(entity);
  return counts;
}

describe.each(testDatabases)("loading the Milan plan on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await db.open()));
  afterAll(() => db.close(dataSource));

  it("imports the whole file, and a second load changes nothing", async () => {
    const first = await loadPlan(dataSource, data);
    expect(first).toEqual({
      acts: data.acts.length,
      units: data.units.length,
      heads: data.units.filter((u) => u.head).length,
      objectives: data.objectives.length,
      kpis: data.kpis.length,
      targets: data.kpis.reduce((n, k) => n + k.targets.length, 0),
      changes: data.changes.length,
      ambiguities: data.ambiguities.length,
    });
    const before = await rowCounts(dataSource);

    const second = await loadPlan(dataSource, data);
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    expect(await rowCounts(dataSource)).toEqual(before);
    expect(await dataSource.manager.count(AuditEvent, { where: { action: "PLAN_IMPORTED" } })).toBe(1);
  });

  it("stores calendar dates as the dates the acts give, whatever the time zone", async () => {
    const act = await dataSource.manager.findOneByOrFail(Act, { key: "GC-2187-2019" });
    expect(act.date).toBe("2019-12-06");
    const ta = await dataSource.manager.findOneByOrFail(OrgUnit, { code: "TA" });
    expect([ta.validFrom, ta.validTo]).toEqual(["2019-09-09", null]);
  });

  it("keeps decimals exact", async () => {
    const targets = await dataSource.manager.find(Target, { order: { id: "ASC" } });
    expect(targets.filter((t) => t.value !== null).map((t) => Number(t.value))).toContain(70);
    const value = targets.find((t) => t.value !== null)!.value!;
    expect(typeof value).toBe("string");
  });

  it("links each change to its act, objective and units", async () => {
    const change = await dataSource.manager.findOneOrFail(PlanChange, {
      where: { key: "GC-2187-2019:TRANSFERRED:DIR-TA-2019-1" },
      relations: { act: true, objective: true, fromUnit: true, toUnit: true },
    });
    expect([change.act!.number, change.fromUnit!.code, change.toUnit!.code, change.effectiveDate]).toEqual([
      "2187",
      "MAE",
      "TA",
      "2019-09-09",
    ]);
    expect(change.objective!.title).toMatch(/^Zero Carbon Fuel entro il 2023/);
    expect(change.citations).toEqual([
      { page: 26, seedLine: 854 },
      { page: 35, seedLine: 937 },
    ]);
  });
});

describe.each(testDatabases)("a failed load on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await db.open()));
  afterAll(() => db.close(dataSource));

  it("leaves no half-written plan", async () => {
    // An objective listed before its parent is only discovered after acts and units were written.
    const parentLast = { ...data, objectives: [...data.objectives].reverse() };
    await expect(loadPlan(dataSource, parentLast)).rejects.toThrow(/is listed before its parent/);
    expect(await dataSource.manager.count(Act)).toBe(0);
    expect(await dataSource.manager.count(OrgUnit)).toBe(0);
    expect(await dataSource.manager.count(Objective)).toBe(0);
  });
});
