import { DataSource } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { ReviewDecision, Role } from "../../entities/enums";
import { recordReview } from "../../src/cycles/reviews";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

interface Gate {
  open: boolean | null;
  mode: string;
  threshold: number;
  score: number | null;
}

describe.each(testDatabases)("the Solidale gate under the year's rule set on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "dg.staff");
    // Two Solidali reached, two short of target: the mean is (1 + 1 + 0.8 + 0.9) / 4 = 0.925.
    const nucleo = { subject: "nucleo.presidente", roles: [Role.EVALUATION_BOARD], units: [] };
    for (const [objectiveKey, score] of [
      ["SOL-SOLIDALE", 1],
      ["SOL-ATTRATTIVA", 1],
      ["SOL-DIGITALE", 0.8],
      ["SOL-AMBIENTE", 0.9],
    ] as const)
      await recordReview(dataSource, nucleo, {
        year: 2019,
        objectiveKey,
        unitCode: null,
        gateOpen: null,
        decision: ReviewDecision.OVERRIDDEN,
        score,
        comment: "Punteggio fissato dal Nucleo per la prova",
      });
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  const dashboardGate = async () =>
    (
      await api.graphql<{ attainment: { gate: Gate } }>(
        "{ attainment(year: 2019) { gate { open mode threshold score } } }",
      )
    ).data!.attainment.gate;
  const reportGate = async () =>
    (
      await api.graphql<{ eligibilityReport: { gateOpen: boolean | null; ruleSetVersion: number } }>(
        "{ eligibilityReport(year: 2019) { gateOpen ruleSetVersion } }",
        {},
        admin,
      )
    ).data!.eligibilityReport;

  it("is closed under the default rule (ALL at 100%) for the dashboards and eligibility alike", async () => {
    const gate = await dashboardGate();
    expect(gate).toMatchObject({ open: false, mode: "ALL", threshold: 1 });
    expect(gate.score).toBeCloseTo(0.925, 9);
    expect(await reportGate()).toEqual({ gateOpen: false, ruleSetVersion: 0 });
  });

  it("stays closed when the weights say so: (1 + 1 + 3 × 0.8 + 0.9) / 6 = 0.883 < 0.9, for the dashboards and eligibility alike", async () => {
    await api.graphql(
      'mutation { recordAct(input: { kind: GIUNTA_RESOLUTION, number: "10", date: "2020-02-20", subject: "Regole degli incentivi del 2019" }) { key } }',
      {},
      admin,
    );
    // Keys such as SOL-SOLIDALE are no GraphQL names: the rules travel as a variable.
    const set = (rules: Record<string, unknown>) =>
      api.graphql(
        'mutation($rules: JSON!) { setIncentiveRules(year: 2019, actKey: "GC-10-2020", rules: $rules) { version } }',
        { rules },
        admin,
      );
    const gateRule = (weights: Record<string, number>) => ({
      gate: { mode: "WEIGHTED_MEAN", threshold: 0.9, weights },
    });
    const unknown = await set(gateRule({ "SOL-SOLIDALE": 1, "SOL-DIGITALE": 3, "SOL-NUOVO": 1 }));
    expect(unknown.errors?.[0].message).toBe(
      "rules: gate.weights must weigh each Obiettivo Solidale of 2019 (SOL-SOLIDALE, SOL-ATTRATTIVA, SOL-DIGITALE, SOL-AMBIENTE); missing SOL-ATTRATTIVA, SOL-AMBIENTE; not a Solidale of 2019: SOL-NUOVO",
    );
    const weighted = await set(
      gateRule({ "SOL-SOLIDALE": 1, "SOL-ATTRATTIVA": 1, "SOL-DIGITALE": 3, "SOL-AMBIENTE": 1 }),
    );
    expect(weighted.errors).toBeUndefined();
    const gate = await dashboardGate();
    expect(gate).toMatchObject({ open: false, mode: "WEIGHTED_MEAN", threshold: 0.9 });
    expect(gate.score).toBeCloseTo((1 + 1 + 3 * 0.8 + 0.9) / 6, 9);
    expect(await reportGate()).toEqual({ gateOpen: false, ruleSetVersion: 1 });
  });

  it("opens on WEIGHTED_MEAN ≥ 0.9 (0.925, equal weights) for the dashboards, eligibility and the frozen snapshot", async () => {
    const set = await api.graphql(
      'mutation { setIncentiveRules(year: 2019, actKey: "GC-10-2020", rules: { gate: { mode: "WEIGHTED_MEAN", threshold: 0.9 } }) { version } }',
      {},
      admin,
    );
    expect(set.errors).toBeUndefined();
    const gate = await dashboardGate();
    expect(gate).toMatchObject({ open: true, mode: "WEIGHTED_MEAN", threshold: 0.9 });
    expect(gate.score).toBeCloseTo(0.925, 9);
    expect(await reportGate()).toEqual({ gateOpen: true, ruleSetVersion: 2 });

    const nucleo = await bearer(["EVALUATION_BOARD"]);
    await api.graphql(
      'mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30", subject: "Validazione della Relazione sulla Performance 2019" }) { key } }',
      {},
      nucleo,
    );
    for (const [to, headers, actKey] of [
      ["UNDER_REVIEW", admin, null],
      ["VALIDATED", nucleo, "NV-7-2020"],
      ["CLOSED", admin, null],
    ] as const) {
      const moved = await api.graphql(
        `mutation { moveCycle(year: 2019, to: ${to}${actKey ? `, actKey: "${actKey}"` : ""}) { status } }`,
        {},
        headers,
      );
      expect(moved.errors).toBeUndefined();
    }
    const [snapshot] = await dataSource.manager.find(CycleSnapshot, { where: { year: 2019 } });
    expect(snapshot.ruleSetVersion).toBe(2);
    expect(JSON.parse(snapshot.gate) as Gate).toEqual(gate);
  });
});
