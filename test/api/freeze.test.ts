import { DataSource } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

describe.each(testDatabases)("closing a year on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("freezes the figures as they stand on closing, even after the same request read attainment", async () => {
    const admin = await bearer(["ADMIN"], [], "dg.staff");
    await api.graphql("mutation { moveCycle(year: 2019, to: UNDER_REVIEW) { status } }", {}, admin);
    await api.graphql(
      'mutation { moveCycle(year: 2019, to: VALIDATED, actKey: "NV-2020-07") { status } }',
      {},
      await bearer(["EVALUATION_BOARD"]),
    );
    // The first field reads attainment; the second records the Piano Quartieri value (56 / 70 = 0.8); the third closes.
    const { errors } = await api.graphql(
      `mutation {
        first: recordMeasurement(input: { kpiCode: "SOL-M4", year: 2019, periodKind: YEAR, value: "1" }) {
          kpi { objective { attainment(year: 2019) { computedScore } } }
        }
        second: recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "56" }) { id }
        close: moveCycle(year: 2019, to: CLOSED) { status }
      }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    const [snapshot] = await dataSource.manager.find(CycleSnapshot, { where: { year: 2019 } });
    const frozen = await dataSource.manager.findOneByOrFail(FrozenScore, {
      snapshotId: snapshot.id,
      objectiveKey: "SOL-SOLIDALE",
    });
    expect(frozen.computedScore).toBe("0.8");
  });
});
