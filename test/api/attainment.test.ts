import { DataSource } from "typeorm";
import { PeriodKind, Role } from "../../entities/enums";
import { Measurement } from "../../entities/measurement.entity";
import { correctMeasurement, recordMeasurement } from "../../src/measurement/record-measurement";
import { RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

interface Gate {
  open: boolean | null;
  score: number | null;
  objectives: Array<{ objective: { title: string }; status: string; score: number | null; explain: string[] }>;
}

const controller = { subject: "controllo.gestione", roles: [Role.ADMIN], units: [] };

describe.each(testDatabases)("attainment on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  /** Values are recorded on given days (the services take the clock), so "as known on" can be asked. */
  const record = (kpiCode: string, value: string, on: string, unitCode: string | null = null) =>
    recordMeasurement(
      dataSource,
      controller,
      { kpiCode, year: 2019, periodKind: PeriodKind.YEAR, periodIndex: null, unitCode, value, reason: null },
      new Date(`${on}T09:00:00Z`),
    );
  const gate = async (asOf?: string) =>
    (
      await api.graphql<{ attainment: { gate: Gate } }>(
        `{ attainment(year: 2019${asOf ? `, asOf: "${asOf}"` : ""}) { gate { open score objectives { objective { title } status score explain } } } }`,
      )
    ).data!.attainment.gate;

  it("cannot judge the Solidale gate while a Solidale objective has no value", async () => {
    await record("SOL-PIANO-QUARTIERI", "72", "2020-01-10");
    const result = await gate();
    expect(result.open).toBeNull();
    expect(result.objectives.map((o) => o.status)).toEqual(["SCORED", "INCOMPLETE", "INCOMPLETE", "INCOMPLETE"]);
    expect(result.objectives[0].score).toBe(1);
  });

  it("opens the gate when every Solidale objective reaches its target, and explains each figure", async () => {
    for (const code of [
      "SOL-SVILUPPO-INTERNAZIONALE",
      "SOL-SERVIZI-DIGITALI",
      "SOL-ZERO-CARBON",
      "SOL-AREA-PULITA",
      "SOL-SPOSTAMENTI",
      "SOL-M4",
    ]) {
      await record(code, "1", "2020-01-20");
    }
    const result = await gate();
    expect(result.open).toBe(true);
    expect(result.objectives[0].explain).toEqual([
      expect.stringMatching(
        /^SOL-PIANO-QUARTIERI \(peso 1\): valore 72 \(misura \d+, registrata da UNIT_MANAGER \| ADMIN il 10\/01\/2020 10:00\); target 70 \(fissato da GC-2187-2019\); punteggio 1 secondo la regola LINEARE \(più alto è meglio\): 0 a 0, 1 a 70$/,
      ),
    ]);
    expect(result.objectives[3].explain).toHaveLength(4);
  });

  it("closes the gate after a correction, while the figure as known before it stays as it was", async () => {
    const [original] = await dataSource.manager.find(Measurement, { where: { value: "72" } });
    await correctMeasurement(
      dataSource,
      controller,
      { measurementId: original.id, value: "56", reason: "Consuntivo rivisto" },
      new Date("2020-02-15T09:00:00Z"),
    );

    const now = await gate();
    expect(now.open).toBe(false);
    expect(now.objectives[0].score).toBeCloseTo(56 / 70, 12);
    const before = await gate("2020-01-31");
    expect(before.open).toBe(true);
    expect(before.objectives[0].score).toBe(1);
    const earlier = await gate("2020-01-15");
    expect(earlier.open).toBeNull();
  });

  it("scores a directorate's objective against its own value, and leaves objectives without KPIs incomplete", async () => {
    await record("DIR-DG-2019-1-AVANZAMENTO", "63", "2020-01-10", "DG");
    const { data } = await api.graphql<{
      orgUnit: {
        attainment: {
          direzione: {
            status: string;
            objectives: Array<{
              objective: { key: string };
              status: string;
              score: number | null;
              missing: string | null;
            }>;
          };
        };
      };
    }>(
      '{ orgUnit(code: "DG", asOf: "2019-12-31") { attainment(year: 2019) { direzione { status objectives { objective { key } status score missing } } } } }',
    );
    const objectives = data!.orgUnit.attainment.direzione.objectives;
    expect(objectives[0]).toEqual({
      objective: { key: "DIR-DG-2019-1" },
      status: "SCORED",
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- @types/jest types the asymmetric matcher expect.closeTo as any on purpose
      score: expect.closeTo(0.9, 12),
      missing: null,
    });
    expect(objectives[1]).toMatchObject({
      status: "INCOMPLETE",
      score: null,
      missing: "nessun KPI è definito per l'obiettivo",
    });
    expect(data!.orgUnit.attainment.direzione.status).toBe("INCOMPLETE");
  });
});
