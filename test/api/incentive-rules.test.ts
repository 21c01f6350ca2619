import { DataSource } from "typeorm";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";

const RACERS = 6;

describe.each(testDatabases)("setting a year's incentive rules on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "hr.office");
    const act = await api.graphql(
      'mutation { recordAct(input: { kind: GIUNTA_RESOLUTION, number: "3", date: "2020-02-20", subject: "Regole degli incentivi del 2020" }) { key } }',
      {},
      admin,
    );
    expect(act.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  const setRules = (rules: unknown) =>
    api.graphql<{ setIncentiveRules: { version: number } }>(
      'mutation($rules: JSON!) { setIncentiveRules(year: 2020, actKey: "GC-3-2020", rules: $rules) { version } }',
      { rules },
      admin,
    );

  it.each([
    ["a string", "ALL", "rules", /^rules: deve essere un oggetto con le chiavi delle regole \(gate, unitScore, .*\)/],
    ["a list", [1, 2], "rules", /^rules: deve essere un oggetto con le chiavi delle regole/],
    [
      "uplift 50, a typo for 0.50",
      { differentiation: { quota: 0.1, uplift: 50 } },
      "rules.differentiation.uplift",
      /^rules\.differentiation\.uplift: deve essere da 0,3 a 1$/,
    ],
    [
      "uplift 1e308",
      { differentiation: { quota: 0.1, uplift: 1e308 } },
      "rules.differentiation.uplift",
      /^rules\.differentiation\.uplift: deve essere da 0,3 a 1$/,
    ],
    [
      "uplift below art. 69's 30%",
      { differentiation: { quota: 0.1, uplift: 0.29 } },
      "rules.differentiation.uplift",
      /deve essere da 0,3 a 1/,
    ],
    [
      "a quota over half the staff",
      { differentiation: { quota: 0.6, uplift: 0.3 } },
      "rules.differentiation.quota",
      /maggiore di 0 e al massimo 0,5/,
    ],
    [
      "a threshold of 60 (per cent, not a fraction)",
      { threshold: 60 },
      "rules.threshold",
      /^rules\.threshold: deve essere da 0 a 1$/,
    ],
    [
      "a negative weight",
      { unitScore: { direzione: 1.1, gestionale: -0.1 } },
      "rules.unitScore.direzione",
      /rules\.unitScore\.gestionale: deve essere da 0 a 1/,
    ],
    [
      "a gate threshold as text",
      { gate: { mode: "ALL", threshold: "1" } },
      "rules.gate.threshold",
      /^rules\.gate\.threshold: deve essere un numero da 0 a 1$/,
    ],
    ["an unknown key", { treshold: 0.5 }, "rules.treshold", /^rules\.treshold: non è una chiave delle regole$/],
    [
      "an unknown nested key",
      {
        composite: {
          MANAGER: { unit: 0.6, individual: 0.4, bonus: 1 },
          PO: { unit: 0.5, individual: 0.5 },
          STAFF: { unit: 0.4, individual: 0.6 },
        },
      },
      "rules.composite.MANAGER.bonus",
      /^rules\.composite\.MANAGER\.bonus: non è una chiave delle regole$/,
    ],
    [
      "a fund of an unknown category",
      { funds: { INTERNS: { actKey: "GC-3-2020", amount: "1000.00" } } },
      "rules.funds.INTERNS",
      /^rules\.funds\.INTERNS: non è una chiave delle regole$/,
    ],
  ])("refuses %s naming the key, and saves nothing", async (_what, rules, field, message) => {
    const before = await tableCounts(dataSource);
    const answer = await setRules(rules);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: "INVALID_INPUT", field });
    expect(answer.errors?.[0].message).toMatch(message);
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("takes the edges of each range: uplift 0.3 and 1, threshold 0 and 1", async () => {
    for (const rules of [
      { differentiation: { quota: 0.5, uplift: 0.3 }, threshold: 0 },
      { differentiation: { quota: 0.1, uplift: 1 }, threshold: 1 },
    ])
      expect((await setRules(rules)).errors).toBeUndefined();
  });

  it(`saves ${RACERS} rule sets sent at once as ${RACERS} versions in a row, none refused`, async () => {
    const before = (await dataSource.manager.maximum(IncentiveRuleSet, "version", { year: 2020 })) ?? 0;
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => setRules({ threshold: (50 + i) / 100 })),
    );

    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const versions = answers.map((a) => a.data!.setIncentiveRules.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: RACERS }, (_, i) => before + 1 + i));
    // Each answer is its own row: the thresholds 0.50 … 0.55 each saved once.
    const saved = await dataSource.manager.find(IncentiveRuleSet, { where: { year: 2020 } });
    const thresholds = saved
      .filter((s) => s.version > before)
      .map((s) => (s.rules as { threshold: number }).threshold)
      .sort();
    expect(thresholds).toEqual([0.5, 0.51, 0.52, 0.53, 0.54, 0.55]);
  });
});
