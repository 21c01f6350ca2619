import { DataSource } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

describe.each(testDatabases)("validating a year on $name", (db) => {
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

  it("freezes the figures as they stand on validation, even after the same request read attainment, and closing keeps them", async () => {
    const admin = await bearer(["ADMIN"], [], "dg.staff");
    const board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
    await api.graphql("mutation { moveCycle(year: 2019, to: UNDER_REVIEW) { status } }", {}, admin);
    await api.graphql(
      'mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30", subject: "Validazione della Relazione sulla Performance 2019" }) { key } }',
      {},
      board,
    );
    // Three Solidali have no value: the Nucleo decides on the gate, or the year could not be validated.
    await api.graphql(
      'mutation { recordReview(input: { year: 2019, gateOpen: false, decision: OVERRIDDEN, comment: "Obiettivi solidali non raggiunti secondo la Relazione" }) { id } }',
      {},
      board,
    );
    // The first field reads attainment; the second records the Piano Quartieri value (56 / 70 = 0.8); the third validates.
    const { errors } = await api.graphql(
      `mutation {
        first: recordMeasurement(input: { kpiCode: "SOL-M4", year: 2019, periodKind: YEAR, value: "1" }) {
          kpi { objective { attainment(year: 2019) { computedScore } } }
        }
        second: recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "56" }) { id }
        validate: moveCycle(year: 2019, to: VALIDATED, actKey: "NV-7-2020") { status }
      }`,
      {},
      await bearer(["ADMIN", "EVALUATION_BOARD"], [], "nucleo.presidente"),
    );
    expect(errors).toBeUndefined();
    const [snapshot] = await dataSource.manager.find(CycleSnapshot, { where: { year: 2019 } });
    const frozen = await dataSource.manager.findOneByOrFail(FrozenScore, {
      snapshotId: snapshot.id,
      objectiveKey: "SOL-SOLIDALE",
    });
    expect(frozen.computedScore).toBe("0.8");
    expect(JSON.parse(snapshot.gate)).toMatchObject({ open: false });
    await api.graphql("mutation { moveCycle(year: 2019, to: CLOSED) { status } }", {}, admin);
    expect(await dataSource.manager.count(CycleSnapshot, { where: { year: 2019 } })).toBe(1);
  });
});
