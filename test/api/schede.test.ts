import { DataSource } from "typeorm";
import { CycleStatus, MeasurementStatus, PeriodKind } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { Target } from "../../entities/target.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const act = (number: string, date: string) =>
  `{ kind: DG_DETERMINATION, number: "${number}", date: "${date}", subject: "Schede degli obiettivi ${number}" }`;
const OBJECTIVE = "DIR-SCPS-2019-16";
const KPI = "DIR-SCPS-2019-16-K1";

describe.each(testDatabases)("schede by act on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  const mutate = async (query: string) => api.graphql<Record<string, unknown>>(`mutation { ${query} }`, {}, admin);
  const counts = async () =>
    Promise.all([Kpi, Target, PlanChange].map((entity) => dataSource.manager.count(entity as never)));

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "ufficio.pianificazione");
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("defines a KPI and its target by act, each recorded as a change of the objective with its fields", async () => {
    const kpi = await mutate(`defineKpi(input: { act: ${act("900", "2019-02-01")}, reason: CHANGED_PRIORITIES,
      objectiveKey: "${OBJECTIVE}", code: "${KPI}", name: "Indicatori di salute monitorati", unit: PERCENT,
      direction: HIGHER_IS_BETTER, weight: "1" }) { kind element elementKey fields { field before after } }`);
    expect(kpi.errors).toBeUndefined();
    expect(kpi.data!.defineKpi).toEqual([
      expect.objectContaining({ kind: "CREATED", element: "KPI", elementKey: KPI }),
    ]);
    const target = await mutate(`setTarget(input: { act: ${act("900", "2019-02-01")}, reason: CHANGED_PRIORITIES,
      kpiCode: "${KPI}", year: 2019, value: "80.0", bound: "40" }) { kind element elementKey fields { field before after } }`);
    expect(target.errors).toBeUndefined();
    expect(target.data!.setTarget).toEqual([
      {
        kind: "CREATED",
        element: "TARGET",
        elementKey: `${KPI}/2019`,
        fields: [
          { field: "description", before: null, after: "80" },
          { field: "value", before: null, after: "80" },
          { field: "bound", before: null, after: "40" },
          { field: "strict", before: null, after: "false" },
        ],
      },
    ]);
    // Restating what is in force changes nothing and records nothing.
    const before = await counts();
    const again = await mutate(`setTarget(input: { act: ${act("900", "2019-02-01")}, reason: CHANGED_PRIORITIES,
      kpiCode: "${KPI}", year: 2019, value: "80", bound: "40.000" }) { id }`);
    expect(again.data!.setTarget).toEqual([]);
    expect(await counts()).toEqual(before);
    // A change to the scheda is not a change of owner: the directorate still owns it, on any date.
    const owner = await api.graphql<{ objective: { owner: { code: string } } }>(
      `{ objective(key: "${OBJECTIVE}") { owner(asOf: "2019-12-31") { code } } }`,
    );
    expect(owner.data!.objective.owner.code).toBe("SCPS");
    const unit = await api.graphql<{ orgUnit: { objectives: Array<{ key: string }> } }>(
      `{ orgUnit(code: "SCPS", asOf: "2019-12-31") { objectives(year: 2019) { key } } }`,
    );
    expect(unit.data!.orgUnit.objectives.map((o) => o.key)).toContain(OBJECTIVE);
  });

  it("keeps both targets when one changes mid-year, and scores on each day by the one in force then", async () => {
    const changed = await mutate(`setTarget(input: { act: ${act("901", "2019-07-01")}, reason: CHANGED_PRIORITIES,
      kpiCode: "${KPI}", year: 2019, value: "60", bound: "40" }) { kind fields { field before after } }`);
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.setTarget).toEqual([
      {
        kind: "UPDATED",
        fields: [
          { field: "description", before: "80", after: "60" },
          { field: "value", before: "80", after: "60" },
        ],
      },
    ]);
    // A value of 60 known since 10/05/2019.
    const kpi = await dataSource.manager.findOneByOrFail(Kpi, { code: KPI });
    const unit = await dataSource.manager.findOneByOrFail(OrgUnit, { code: "SCPS" });
    await dataSource.manager.insert(Measurement, {
      kpiId: kpi.id,
      year: 2019,
      periodKind: PeriodKind.YEAR,
      periodIndex: 0,
      orgUnitId: unit.id,
      breakdown: null,
      value: "60",
      numerator: null,
      denominator: null,
      status: MeasurementStatus.PROVISIONAL,
      jobRunId: null,
      recordedBy: "test",
      recordedAt: new Date("2019-05-10T10:00:00Z"),
      supersedesId: null,
      unitKey: unit.id,
      breakdownKey: "",
      supersedesKey: 0,
      reason: null,
    });
    const { data } = await api.graphql<{
      objective: {
        june: { score: number };
        year: { score: number };
        kpis: Array<{ targets: Array<{ value: string; effectiveDate: string; act: { key: string } }> }>;
      };
    }>(`{ objective(key: "${OBJECTIVE}") {
      june: attainment(year: 2019, asOf: "2019-06-30") { score }
      year: attainment(year: 2019, asOf: "2019-12-31") { score }
      kpis { targets { value effectiveDate act { key } } } } }`);
    // On 30/06 the target was 80: (60 − 40) / (80 − 40) = 0.5; from 01/07 it is 60, reached: 1.
    expect(data!.objective.june.score).toBe(0.5);
    expect(data!.objective.year.score).toBe(1);
    expect(data!.objective.kpis[0].targets).toEqual([
      { value: "80", effectiveDate: "2019-02-01", act: { key: "DDG-900-2019" } },
      { value: "60", effectiveDate: "2019-07-01", act: { key: "DDG-901-2019" } },
    ]);
  });

  it("refuses a floor on the wrong side, a year the objective does not apply to and an unknown objective, changing nothing", async () => {
    const before = await counts();
    const floor = await mutate(`setTarget(input: { act: ${act("902", "2019-08-01")}, reason: CHANGED_PRIORITIES,
      kpiCode: "${KPI}", year: 2019, value: "60", bound: "70" }) { id }`);
    expect(floor.errors![0].extensions!.code).toBe("INVALID_INPUT");
    expect(floor.errors![0].message).toMatch(/la soglia 70 deve essere sotto il target 60/);
    const year = await mutate(`setTarget(input: { act: ${act("902", "2019-08-01")}, reason: CHANGED_PRIORITIES,
      kpiCode: "${KPI}", year: 2020, value: "60" }) { id }`);
    expect(year.errors![0].message).toMatch(/non vale per il 2020/);
    const unknown = await mutate(`definePhase(input: { act: ${act("902", "2019-08-01")}, reason: CHANGED_PRIORITIES,
      objectiveKey: "DIR-NONE-2019-1", code: "X-F1", name: "Fase", plannedDate: "2019-05-01", weight: "1" }) { id }`);
    expect(unknown.errors![0].message).toMatch(/l'obiettivo DIR-NONE-2019-1 non esiste/);
    const outside = await mutate(`definePhase(input: { act: ${act("902", "2019-08-01")}, reason: CHANGED_PRIORITIES,
      objectiveKey: "${OBJECTIVE}", code: "X-F1", name: "Fase", plannedDate: "2024-05-01", weight: "1" }) { id }`);
    expect(outside.errors![0].message).toMatch(/fuori dagli anni del piano 2019-2021/);
    expect(await counts()).toEqual(before);
  });

  it("refuses a scheda change in a closed year", async () => {
    await dataSource.manager.update(EvaluationCycle, { year: 2019 }, { status: CycleStatus.CLOSED });
    try {
      const closed = await mutate(`setTarget(input: { act: ${act("903", "2019-09-01")}, reason: CHANGED_PRIORITIES,
        kpiCode: "${KPI}", year: 2019, value: "50" }) { id }`);
      expect(closed.errors![0].extensions!.code).toBe("CYCLE_CLOSED");
    } finally {
      await dataSource.manager.update(EvaluationCycle, { year: 2019 }, { status: CycleStatus.OPEN });
    }
  });
});
