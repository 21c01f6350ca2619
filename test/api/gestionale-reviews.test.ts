import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

interface Objectives {
  objectives: Array<{
    objective: { key: string };
    score: number | null;
    computedScore: number | null;
    reviews: unknown[];
  }>;
}

describe.each(testDatabases)("the Nucleo's reviews, named precisely, on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let board: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  const review = (fields: string, year = 2019) =>
    api.graphql<{ recordReview: { id: string } }>(
      `mutation { recordReview(input: { year: ${year}, ${fields} }) { id } }`,
      {},
      board,
    );
  const gestionali = async (unit: string) =>
    (
      await api.graphql<{ orgUnit: { attainment: { gestionale: Objectives } } }>(
        `{ orgUnit(code: "${unit}", asOf: "2019-12-31") { attainment(year: 2019) { gestionale { objectives { objective { key } score computedScore reviews { id } } } } } }`,
      )
    ).data!.orgUnit.attainment.gestionale.objectives.find((o) => o.objective.key === "GES-ERP")!;

  it("overrides a Gestionale for the one directorate it names, not for all of them", async () => {
    const { errors } = await review(
      'objectiveKey: "GES-ERP", unitCode: "EDU", decision: OVERRIDDEN, score: 0.2, comment: "Adozione del nuovo ERP ferma al primo modulo"',
    );
    expect(errors).toBeUndefined();
    const edu = await gestionali("EDU");
    expect([edu.score, edu.reviews.length]).toEqual([0.2, 1]);
    const dg = await gestionali("DG");
    expect([dg.score, dg.reviews.length]).toEqual([dg.computedScore, 0]);
  });

  it("asks for the unit where an objective is scored per unit, and refuses it elsewhere", async () => {
    const refusals: Array<[number, string, string]> = [
      [
        2019,
        'objectiveKey: "GES-ERP", decision: VALIDATED',
        "unitCode: GES-ERP is scored per directorate: name the directorate reviewed",
      ],
      [
        2019,
        'objectiveKey: "SOL-SOLIDALE", unitCode: "DG", decision: VALIDATED',
        "unitCode: SOL-SOLIDALE is scored for the administration as a whole: review it without a unit",
      ],
      [
        2019,
        'objectiveKey: "DIR-EDU-2019-3", unitCode: "EDU", decision: VALIDATED',
        "unitCode: DIR-EDU-2019-3 is scored for its owner: review it without a unit",
      ],
      // The Direzione Mobilità, Ambiente ed Energia closed on 2019-09-08.
      [2020, 'unitCode: "MAE", decision: VALIDATED', "unitCode: MAE did not exist in 2020"],
    ];
    for (const [year, fields, message] of refusals)
      expect((await review(fields, year)).errors?.[0].message).toBe(message);
  });

  it("wants every comment and justification in words", async () => {
    for (const [fields, message] of [
      [
        'objectiveKey: "SOL-SOLIDALE", decision: OVERRIDDEN, score: 1, comment: "…"',
        "comment: an override needs its justification, in a sentence",
      ],
      [
        'objectiveKey: "SOL-SOLIDALE", decision: CONTESTED, comment: "   "',
        "comment: a contested attainment needs the Nucleo's comments, in a sentence",
      ],
      [
        'objectiveKey: "SOL-SOLIDALE", decision: VALIDATED, comment: "ok"',
        "comment: a comment must be a sentence, or left out",
      ],
      [
        "gateOpen: true, decision: VALIDATED",
        "decision: the Nucleo decides on the gate by overriding it (gateOpen, with its justification)",
      ],
      [
        'gateOpen: true, decision: OVERRIDDEN, comment: "test"',
        "comment: an override needs its justification, in a sentence",
      ],
    ])
      expect((await review(fields)).errors?.[0].message).toBe(message);
  });
});
