import { DataSource } from "typeorm";
import { MonitoringReport } from "../../entities/monitoring-report.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const ACT = `{ kind: DG_DETERMINATION, number: "910", date: "2019-02-01", subject: "Schede della Direzione SCPS" }`;
const OBJECTIVE = "DIR-SCPS-2019-16";

describe.each(testDatabases)("monitoring by the directorates on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let manager: Record<string, string>;
  const report = (input: string, headers = manager) =>
    api.graphql<{ reportMonitoring: { id: string } }>(
      `mutation { reportMonitoring(input: { objectiveKey: "${OBJECTIVE}", unitCode: "SCPS", ${input} }) { id } }`,
      {},
      headers,
    );
  const due = async (date: string) =>
    (
      await api.graphql<{
        monitoringDue: Array<{
          objective: { key: string };
          missingPhases: Array<{ code: string }>;
          missingValues: Array<{ code: string }>;
          missingReason: boolean;
        }>;
      }>(`{ monitoringDue(date: "${date}", unitCode: "SCPS") {
        objective { key } missingPhases { code } missingValues { code } missingReason } }`)
    ).data!.monitoringDue.filter((d) => d.objective.key === OBJECTIVE);

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "ufficio.pianificazione");
    manager = await bearer(["UNIT_MANAGER"], ["SCPS"], "referente.scps");
    // The scheda: K1 (from 40 to 80) and K2 (the phases), half each; phases weighted 1, 1 and 2.
    const mutations = [
      `defineKpi(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "K1", name: "Indicatori monitorati", unit: PERCENT, direction: HIGHER_IS_BETTER, weight: "0.5" }) { id }`,
      `defineKpi(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "K2", name: "Cronoprogramma", unit: MILESTONE, direction: MILESTONE, weight: "0.5" }) { id }`,
      `setTarget(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, kpiCode: "K1", year: 2019, value: "80", bound: "40" }) { id }`,
      `definePhase(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "F1", name: "Analisi", plannedDate: "2019-03-31", weight: "1" }) { id }`,
      `definePhase(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "F2", name: "Prototipo", plannedDate: "2019-06-15", weight: "1" }) { id }`,
      `definePhase(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "F3", name: "Rilascio", plannedDate: "2019-11-30", weight: "2" }) { id }`,
    ];
    for (const mutation of mutations)
      expect((await api.graphql(`mutation { ${mutation} }`, {}, admin)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("lists what the unit still owes for 30/09: the phases due and the value", async () => {
    expect(await due("2019-09-30")).toEqual([
      {
        objective: { key: OBJECTIVE },
        missingPhases: [{ code: "F1" }, { code: "F2" }],
        missingValues: [{ code: "K1" }],
        missingReason: false,
      },
    ]);
  });

  it("refuses a late phase without its reason, and a unit the manager does not answer for, recording nothing", async () => {
    const before = await dataSource.manager.count(MonitoringReport);
    const noReason = await report(
      `monitoringDate: "2019-09-30", phases: [{ phaseCode: "F2", progress: LATE, date: "2019-10-20" }]`,
    );
    expect(noReason.errors![0].extensions!.code).toBe("INVALID_INPUT");
    expect(noReason.errors![0].message).toMatch(/motivazione dello scostamento/);
    const other = await report(`monitoringDate: "2019-09-30"`, await bearer(["UNIT_MANAGER"], ["EDU"]));
    expect(other.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect(await dataSource.manager.count(MonitoringReport)).toBe(before);
  });

  it("scores the trajectory from what was reported at each date, phases and values against the target", async () => {
    const june = await report(`monitoringDate: "2019-09-30",
      phases: [{ phaseCode: "F1", progress: DONE, date: "2019-03-20" }, { phaseCode: "F2", progress: LATE, date: "2019-10-20" }],
      values: [{ kpiCode: "K1", value: "50" }],
      gaps: [{ reason: "Ritardo nella fornitura dei dati", correctiveAction: "Sollecito al fornitore" }]`);
    expect(june.errors).toBeUndefined();
    expect(await due("2019-09-30")).toEqual([]);
    const december = await report(`monitoringDate: "2019-12-31",
      phases: [{ phaseCode: "F2", progress: DONE, date: "2019-10-20" }, { phaseCode: "F3", progress: DONE, date: "2019-11-25" }],
      values: [{ kpiCode: "K1", value: "85" }]`);
    expect(december.errors).toBeUndefined();
    const { data } = await api.graphql<{
      objective: {
        trajectory: Array<{ date: string; score: number; kpis: Array<{ value: number; score: number }> }>;
        attainment: { score: number };
      };
    }>(
      `{ objective(key: "${OBJECTIVE}") { trajectory(year: 2019) { date score kpis { value score } } attainment(year: 2019) { score } } }`,
    );
    // 30/09: K1 (50 − 40) / (80 − 40) = 0.25; K2: F1 on time of F1, F2 due, 1 / 2 = 0.5; 0.5 × 0.25 + 0.5 × 0.5 = 0.375.
    // 31/12: K1 85 ≥ 80 = 1; K2: every phase done by 30/11, the last planned date = 1; score 1.
    expect(data!.objective.trajectory).toEqual([
      {
        date: "2019-09-30",
        score: 0.375,
        kpis: [
          { value: 50, score: 0.25 },
          { value: 0.5, score: 0.5 },
        ],
      },
      {
        date: "2019-12-31",
        score: 1,
        kpis: [
          { value: 85, score: 1 },
          { value: 1, score: 1 },
        ],
      },
    ]);
    expect(data!.objective.attainment.score).toBe(1);
    const phases = await api.graphql<{
      objective: { phases: Array<{ code: string; progress: { progress: string; date: string } }> };
    }>(`{ objective(key: "${OBJECTIVE}") { phases { code progress { progress date } } } }`);
    expect(phases.data!.objective.phases).toEqual([
      { code: "F1", progress: { progress: "DONE", date: "2019-03-20" } },
      { code: "F2", progress: { progress: "DONE", date: "2019-10-20" } },
      { code: "F3", progress: { progress: "DONE", date: "2019-11-25" } },
    ]);
  });

  it("keeps a corrected report beside the one it supersedes", async () => {
    const again = await report(`monitoringDate: "2019-12-31",
      phases: [{ phaseCode: "F2", progress: DONE, date: "2019-10-20" }, { phaseCode: "F3", progress: DONE, date: "2019-11-28" }]`);
    expect(again.errors).toBeUndefined();
    const reports = await dataSource.manager.find(MonitoringReport, { order: { id: "ASC" } });
    expect(reports.map((r) => [r.monitoringDate, r.supersedesId])).toEqual([
      ["2019-09-30", null],
      ["2019-12-31", null],
      ["2019-12-31", reports[1].id],
    ]);
    await expect(dataSource.query("DELETE FROM monitoring_report")).rejects.toThrow(/append-only/);
  });

  it("keeps one report in force when six first reports on one objective and date are sent at once", async () => {
    const racers = Array.from({ length: 6 }, (_, i) =>
      report(`monitoringDate: "2019-06-30", phases: [{ phaseCode: "F1", progress: DONE, date: "2019-03-${10 + i}" }]`),
    );
    const answers = await Promise.all(racers);

    for (const error of answers.flatMap((a) => a.errors ?? [])) expect(error.extensions?.code).toBe("INVALID_INPUT");
    const reports = await dataSource.manager.find(MonitoringReport, {
      where: { monitoringDate: "2019-06-30" },
      order: { id: "ASC" },
    });
    const superseded = new Set(reports.map((r) => r.supersedesId));
    const inForce = reports.filter((r) => !superseded.has(r.id));
    expect(inForce).toHaveLength(1);
    // Each accepted report after the first supersedes the one before it: a chain, not siblings.
    expect(reports.map((r) => r.supersedesId)).toEqual([null, ...reports.slice(0, -1).map((r) => r.id)]);
    expect(reports.map((r) => String(r.id)).sort()).toEqual(
      answers.flatMap((a) => (a.data ? [a.data.reportMonitoring.id] : [])).sort(),
    );
  });

  it("names who reported only to roles beyond VIEWER: a viewer or an anonymous caller reads the roles that report", async () => {
    const reporters = async (headers: Record<string, string> = {}) =>
      (
        await api.graphql<{ objective: { monitoringReports: Array<{ reportedBy: string }> } }>(
          `{ objective(key: "${OBJECTIVE}") { monitoringReports { reportedBy } } }`,
          {},
          headers,
        )
      ).data!.objective.monitoringReports.map((r) => r.reportedBy);
    expect(new Set(await reporters(manager))).toEqual(new Set(["referente.scps"]));
    expect(new Set(await reporters(await bearer(["VIEWER"])))).toEqual(new Set(["UNIT_MANAGER | ADMIN"]));
    expect(new Set(await reporters())).toEqual(new Set(["UNIT_MANAGER | ADMIN"]));
  });
});
