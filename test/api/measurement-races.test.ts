import { DataSource, IsNull } from "typeorm";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { bearer, GraphQLResponse, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const RACERS = 12;

/** Rows of a slot that no other row supersedes. */
async function valuesInForce(dataSource: DataSource, kpiId: number, year: number): Promise<Measurement[]> {
  return dataSource.manager
    .createQueryBuilder(Measurement, "m")
    .leftJoin(Measurement, "later", "later.supersedesId = m.id")
    .where("later.id IS NULL")
    .andWhere({ kpiId, year, orgUnitId: IsNull(), breakdown: IsNull() })
    .getMany();
}

describe.each(testDatabases)("writes racing for one value in force on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let kpi: Kpi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "controllo.gestione");
    kpi = await dataSource.manager.findOneByOrFail(Kpi, { code: "SOL-PIANO-QUARTIERI" });
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  const record = (year: number, value: string) =>
    api.graphql<{ recordMeasurement: { id: string } }>(
      `mutation { recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: ${year}, periodKind: YEAR, value: "${value}" }) { id } }`,
      {},
      admin,
    );
  const correct = (id: string, value: string) =>
    api.graphql<{ correctMeasurement: { id: string } }>(
      `mutation { correctMeasurement(input: { measurementId: "${id}", value: "${value}", reason: "racer" }) { id } }`,
      {},
      admin,
    );
  /** Sends them all at once; the accepted ones and the refusals' codes and messages. */
  async function race<T>(requests: Array<Promise<GraphQLResponse<T>>>) {
    const answers = await Promise.all(requests);
    return {
      accepted: answers.filter((a) => a.errors === undefined),
      refused: answers.flatMap((a) => a.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message })),
    };
  }

  it(`accepts one of ${RACERS} corrections of one measurement and refuses the rest as when alone`, async () => {
    const first = await record(2019, "50");
    expect(first.errors).toBeUndefined();
    const id = first.data!.recordMeasurement.id;

    const { accepted, refused } = await race(Array.from({ length: RACERS }, (_, i) => correct(id, `${60 + i}`)));

    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(RACERS - 1);
    for (const refusal of refused) {
      expect(refusal.code).toBe("INVALID_INPUT");
      expect(refusal.message).toMatch(new RegExp(`^measurementId: measurement ${id} was already corrected by`));
    }
    expect(await dataSource.manager.countBy(Measurement, { supersedesId: Number(id) })).toBe(1);
    expect((await valuesInForce(dataSource, kpi.id, 2019)).map((m) => m.id)).toEqual([
      Number(accepted[0].data!.correctMeasurement.id),
    ]);
  });

  it(`accepts one of ${RACERS} first values for one KPI, period and unit and sends the rest to correction`, async () => {
    const { accepted, refused } = await race(Array.from({ length: RACERS }, (_, i) => record(2020, `${40 + i}`)));

    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(RACERS - 1);
    for (const refusal of refused) {
      expect(refusal.code).toBe("INVALID_INPUT");
      expect(refusal.message).toMatch(
        /^periodIndex: SOL-PIANO-QUARTIERI already has a value for 2020 .*correctMeasurement$/,
      );
    }
    expect((await valuesInForce(dataSource, kpi.id, 2020)).map((m) => m.id)).toEqual([
      Number(accepted[0].data!.recordMeasurement.id),
    ]);
  });
});
