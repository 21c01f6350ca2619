import { DataSource } from "typeorm";
import { AuditEvent } from "../../entities/audit-event.entity";
import { Measurement } from "../../entities/measurement.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

interface Value {
  id: string;
  value: string;
  reason: string | null;
  recordedBy: string;
  supersedes: { id: string } | null;
  supersededBy: { id: string } | null;
}
const FIELDS = "id value reason recordedBy supersedes { id } supersededBy { id }";

describe.each(testDatabases)("measurements on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "controllo.gestione");
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  const record = (input: string) =>
    api.graphql<{ recordMeasurement: Value }>(
      `mutation { recordMeasurement(input: { ${input} }) { ${FIELDS} } }`,
      {},
      admin,
    );
  const correct = (id: string, value: string, reason: string) =>
    api.graphql<{ correctMeasurement: Value }>(
      `mutation { correctMeasurement(input: { measurementId: "${id}", value: "${value}", reason: "${reason}" }) { ${FIELDS} } }`,
      {},
      admin,
    );

  it("corrects a value by superseding it, keeping both and who and why", async () => {
    const first = await record(
      'kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "68.5", reason: "Dati del cruscotto al 31/12"',
    );
    expect(first.errors).toBeUndefined();
    const id = first.data!.recordMeasurement.id;
    const second = await correct(id, "71.2", "Consuntivo validato dalla Direzione Generale");
    expect(second.errors).toBeUndefined();
    expect(second.data!.correctMeasurement).toMatchObject({
      value: "71.2",
      reason: "Consuntivo validato dalla Direzione Generale",
      recordedBy: "controllo.gestione",
      supersedes: { id },
    });

    const current = await api.graphql<{ measurements: Value[] }>(
      `{ measurements(kpiCode: "SOL-PIANO-QUARTIERI", year: 2019) { ${FIELDS} } }`,
    );
    expect(current.data!.measurements.map((m) => m.value)).toEqual(["71.2"]);
    const all = await api.graphql<{ measurements: Value[] }>(
      `{ measurements(kpiCode: "SOL-PIANO-QUARTIERI", includeSuperseded: true) { ${FIELDS} } }`,
    );
    expect(all.data!.measurements.map((m) => [m.value, m.supersededBy?.id ?? null])).toEqual([
      ["68.5", second.data!.correctMeasurement.id],
      ["71.2", null],
    ]);

    const stored = await dataSource.manager.findOneByOrFail(Measurement, { id: Number(id) });
    expect(stored.value).toBe("68.5");
    const audit = await dataSource.manager.find(AuditEvent, {
      where: { entityType: "Measurement" },
      order: { id: "ASC" },
    });
    expect(audit.map((e) => e.action)).toEqual(["MEASUREMENT_RECORDED", "MEASUREMENT_CORRECTED"]);
  });

  it("lists a KPI's values in force on the KPI itself, for a scorecard, of a year or of all", async () => {
    expect(
      (await record('kpiCode: "SOL-PIANO-QUARTIERI", year: 2021, periodKind: YEAR, value: "93"')).errors,
    ).toBeUndefined();
    type Values = Array<{ year: number; value: string }>;
    const { data } = await api.graphql<{
      objective: { kpis: Array<{ code: string; y2019: Values; y2021: Values; all: Values }> };
    }>(
      '{ objective(key: "SOL-SOLIDALE") { kpis { code y2019: measurements(year: 2019) { year value } y2021: measurements(year: 2021) { year value } all: measurements { year value } } } }',
    );
    expect(data!.objective.kpis).toEqual([
      {
        code: "SOL-PIANO-QUARTIERI",
        y2019: [{ year: 2019, value: "71.2" }],
        y2021: [{ year: 2021, value: "93" }],
        all: [
          { year: 2019, value: "71.2" },
          { year: 2021, value: "93" },
        ],
      },
    ]);
  });

  it("sends a second value for the same period to correction, and refuses to correct a corrected value", async () => {
    const again = await record('kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "70"');
    expect(again.errors?.[0].message).toMatch(/already has a value for 2019 .*correctMeasurement/);
    const all = await api.graphql<{ measurements: Value[] }>(
      '{ measurements(kpiCode: "SOL-PIANO-QUARTIERI", includeSuperseded: true) { id supersededBy { id } } }',
    );
    const replaced = all.data!.measurements.find((m) => m.supersededBy !== null)!;
    const twice = await correct(replaced.id, "72", "Seconda correzione");
    expect(twice.errors?.[0].message).toMatch(
      new RegExp(
        `^measurementId: measurement ${replaced.id} was already corrected by measurement ${replaced.supersededBy!.id}`,
      ),
    );
  });

  it.each([
    [
      'kpiCode: "NO-SUCH-KPI", year: 2019, periodKind: YEAR, value: "1"',
      "NOT_FOUND",
      /The KPI "NO-SUCH-KPI" does not exist/,
    ],
    [
      'kpiCode: "SOL-PIANO-QUARTIERI", year: 2023, periodKind: YEAR, value: "50"',
      "INVALID_INPUT",
      /^year: 2023 is outside the plan/,
    ],
    [
      'kpiCode: "SOL-PIANO-QUARTIERI", year: 2020, periodKind: YEAR, value: "150"',
      "INVALID_INPUT",
      /^value: 150 does not fit SOL-PIANO-QUARTIERI: a percentage must be between 0 and 100/,
    ],
    [
      'kpiCode: "DIR-SU-2019-11-UNITA-MOBILI", year: 2019, periodKind: YEAR, value: "8.5"',
      "INVALID_INPUT",
      /^value: .*whole number/,
    ],
    [
      'kpiCode: "SOL-PIANO-QUARTIERI", year: 2020, periodKind: QUARTER, periodIndex: 1, value: "10"',
      "INVALID_INPUT",
      /^periodKind: SOL-PIANO-QUARTIERI is measured yearly/,
    ],
    [
      'kpiCode: "SAL-CRM-CONTATTI", year: 2020, periodKind: QUARTER, value: "10"',
      "INVALID_INPUT",
      /^periodIndex: give the quarter/,
    ],
    [
      'kpiCode: "SAL-CRM-CONTATTI", year: 2020, periodKind: QUARTER, periodIndex: 5, value: "10"',
      "INVALID_INPUT",
      /^periodIndex: 5 is not a quarter/,
    ],
    [
      'kpiCode: "SAL-CRM-CONTATTI", year: 2019, periodKind: QUARTER, periodIndex: 1, unitCode: "TA", value: "10"',
      "INVALID_INPUT",
      /^unitCode: Direzione Transizione Ambientale did not exist in 2019-Q1/,
    ],
    [
      'kpiCode: "SAL-CRM-CONTATTI", year: 2019, periodKind: QUARTER, periodIndex: 1, unitCode: "XYZ", value: "10"',
      "NOT_FOUND",
      /The organisational unit "XYZ"/,
    ],
  ])("refuses %s", async (input, code, message) => {
    const before = await dataSource.manager.count(Measurement);
    const { errors } = await record(input);
    expect(errors?.[0].extensions?.code).toBe(code);
    expect(errors![0].message).toMatch(message);
    expect(await dataSource.manager.count(Measurement)).toBe(before);
  });
});
