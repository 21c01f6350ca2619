import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { MeasurementStatus, PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { Target } from "../../entities/target.entity";
import { loadPlan } from "../../src/plan-data/load-plan";
import { readPlanData } from "../../src/plan-data/read-plan-data";
import { readEntities } from "../../src/read-entities";
import { testDatabases } from "../support/databases";

describe.each(testDatabases)("reading entities column by column on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await db.open();
    await loadPlan(dataSource, readPlanData());
    const kpi = await dataSource.manager.findOneByOrFail(Kpi, { code: "SOL-PIANO-QUARTIERI" });
    await dataSource.manager.insert(Measurement, {
      kpiId: kpi.id,
      year: 2019,
      periodKind: PeriodKind.YEAR,
      periodIndex: 0,
      orgUnitId: null,
      breakdown: null,
      value: "71.250000",
      numerator: "12345678.5",
      denominator: null,
      status: MeasurementStatus.PROVISIONAL,
      jobRunId: null,
      recordedBy: "test",
      recordedAt: new Date("2019-12-31T22:59:59.123Z"),
      supersedesId: null,
      unitKey: 0,
      breakdownKey: "",
      supersedesKey: 0,
      reason: "read back",
    });
  });
  afterAll(() => db.close(dataSource));

  const sameAsFind = async <E extends ObjectLiteral & { id: number }>(entity: EntityTarget<E>) => {
    const lean = await readEntities(dataSource.manager.createQueryBuilder(entity, "e").orderBy("e.id"));
    const found = await dataSource.manager.find(entity, { order: { id: "ASC" } as never });
    expect(lean.length).toBeGreaterThan(0);
    expect(lean).toEqual(found);
    expect(Object.getPrototypeOf(lean[0])).toBe(Object.getPrototypeOf(found[0]));
  };

  it("gives the same entities as TypeORM's find: dates, decimals, JSON, nulls and instants", async () => {
    for (const entity of [OrgUnit, Objective, PlanChange, Kpi, Target, Measurement])
      await sameAsFind(entity as EntityTarget<{ id: number }>);
    const [measurement] = await readEntities(dataSource.manager.createQueryBuilder(Measurement, "m"));
    expect(measurement.recordedAt).toEqual(new Date("2019-12-31T22:59:59.123Z"));
    expect([measurement.value, measurement.numerator, measurement.denominator]).toEqual(["71.25", "12345678.5", null]);
  });

  it("keeps a join that only filters out of the entities", async () => {
    const objectives = await readEntities(
      dataSource.manager
        .createQueryBuilder(Objective, "o")
        .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year: 2020 })
        .orderBy("o.id"),
    );
    const expected = await dataSource.manager
      .createQueryBuilder(Objective, "o")
      .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year: 2020 })
      .orderBy("o.id")
      .getMany();
    expect(objectives.map((o) => o.key)).toEqual(expected.map((o) => o.key));
    expect(objectives).toEqual(expected);
  });
});
