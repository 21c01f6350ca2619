import { DataSource } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";
import { overrideEduTo076 } from "../support/nucleo-overrides";

/** KPIs that are each the only KPI of their objective, linear from 0 to their 2019 target. */
const WRITTEN = [
  { kpi: "SOL-PIANO-QUARTIERI", objective: "SOL-SOLIDALE", target: 70 },
  { kpi: "DIR-DG-2019-1-AVANZAMENTO", objective: "DIR-DG-2019-1", target: 70 },
  { kpi: "DIR-DO-2019-1-AVANZAMENTO", objective: "DIR-DO-2019-1", target: 70 },
  { kpi: "DIR-TA-2019-1-DOMANDE-60GG", objective: "DIR-TA-2019-1", target: 100 },
];
/** A bound on each writer's corrections, should the validation never end. */
const MAX_WRITES = 400;

describe.each(testDatabases)("writes racing the validation of a year on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "controllo.gestione");
    const board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
    await overrideEduTo076(dataSource);
    for (const [query, headers] of [
      ["mutation { moveCycle(year: 2019, to: UNDER_REVIEW) { status } }", admin],
      [
        'mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30", subject: "Validazione della Relazione sulla Performance 2019" }) { key } }',
        board,
      ],
    ] as const)
      expect((await api.graphql(query, {}, headers)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  if (db.name === "mysql")
    it("refuses a write at once, without queueing, while another connection holds the year's cycle to move it", async () => {
      const mover = (await db.twin(dataSource)).createQueryRunner();
      await mover.connect();
      try {
        await mover.startTransaction();
        await mover.query("SELECT * FROM evaluation_cycle WHERE year = 2020 FOR UPDATE");
        const started = Date.now();
        const { errors } = await api.graphql(
          'mutation { recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2020, periodKind: YEAR, value: "80" }) { id } }',
          {},
          admin,
        );
        expect(Date.now() - started).toBeLessThan(1000);
        expect(errors?.[0].extensions).toMatchObject({ code: "CYCLE_CLOSED", years: [2020] });
        expect(errors?.[0].message).toMatch(/^La valutazione del 2020 è in corso di validazione o di chiusura/);
      } finally {
        await mover.rollbackTransaction();
        await mover.release();
        await mover.connection.destroy();
      }
    });

  it("freezes every value it accepted, and refuses the rest with CYCLE_CLOSED", async () => {
    const current = new Map<string, { id: string; value: number }>();
    for (const { kpi } of WRITTEN) {
      const first = await api.graphql<{ recordMeasurement: { id: string } }>(
        `mutation { recordMeasurement(input: { kpiCode: "${kpi}", year: 2019, periodKind: YEAR, value: "10" }) { id } }`,
        {},
        admin,
      );
      expect(first.errors).toBeUndefined();
      current.set(kpi, { id: first.data!.recordMeasurement.id, value: 10 });
    }

    let moved = false;
    // The validation starts once the writers are under way, so that it runs among their writes.
    let underWay: () => void = () => undefined;
    const writersUnderWay = new Promise<void>((resolve) => (underWay = resolve));
    const refusals: Array<string | undefined> = [];
    let accepted = 0;
    /** Corrects its KPI again and again (11, 12, … 69, 11, …) until the validation has answered, and once after. */
    async function writer(kpi: string) {
      for (let i = 0, after = false; i < MAX_WRITES && !after; i += 1) {
        after = moved;
        const value = 11 + (i % 59);
        const answer = await api.graphql<{ correctMeasurement: { id: string } }>(
          `mutation { correctMeasurement(input: { measurementId: "${current.get(kpi)!.id}", value: "${value}", reason: "Dato aggiornato durante la validazione" }) { id } }`,
          {},
          admin,
        );
        if (answer.errors) refusals.push(answer.errors[0].extensions?.code);
        else {
          accepted += 1;
          if (accepted === WRITTEN.length) underWay();
          current.set(kpi, { id: answer.data!.correctMeasurement.id, value });
        }
      }
    }
    const board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
    const validation = writersUnderWay
      .then(() =>
        api.graphql('mutation { moveCycle(year: 2019, to: VALIDATED, actKey: "NV-7-2020") { status } }', {}, board),
      )
      .finally(() => (moved = true));
    const [validated] = await Promise.all([validation, ...WRITTEN.map(({ kpi }) => writer(kpi))]);

    expect(validated.errors).toBeUndefined();
    // Every writer's last try came after the validation: refused, whatever the database.
    expect(refusals.length).toBeGreaterThanOrEqual(WRITTEN.length);
    expect(new Set(refusals)).toEqual(new Set(["CYCLE_CLOSED"]));
    // The frozen score of each objective is its KPI's last accepted value over the target: 56 / 70 = 0.8.
    const [snapshot] = await dataSource.manager.findBy(CycleSnapshot, { year: 2019 });
    for (const { kpi, objective, target } of WRITTEN) {
      const frozen = await dataSource.manager.findBy(FrozenScore, { snapshotId: snapshot.id, objectiveKey: objective });
      expect(frozen.length).toBeGreaterThan(0);
      for (const row of frozen)
        expect({ kpi, computedScore: Number(row.computedScore) }).toEqual({
          kpi,
          computedScore: Number((current.get(kpi)!.value / target).toFixed(6)),
        });
    }
  });
});
