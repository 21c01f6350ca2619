import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";
import { overrideEduTo076 } from "../support/nucleo-overrides";

const TIE_RULE = "valutazione individuale, poi punteggio complessivo, poi giorni di servizio, poi matricola";

describe.each(testDatabases)("the year's funds in euros on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let board: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "hr.office");
    board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
    await overrideEduTo076(dataSource);
    // Names a spreadsheet would read as formulas.
    const imported = await api.graphql(
      "mutation($e: String, $a: String, $s: String) { importPeople(employees: $e, assignments: $a, assessments: $s) }",
      {
        e: "matricola;nome;categoria\nM1;@Anna Bianchi;DIRIGENTE\nS1;Paolo Rossi;DIPENDENTE\nS2;+Giulia Verdi;DIPENDENTE\nS3;-Luca Neri;DIPENDENTE\nS4;=SOMMA(A1:A9);DIPENDENTE\n",
        a: "matricola;unita;dal\nM1;EDU;01/01/2019\nS1;EDU;01/01/2019\nS2;EDU;01/01/2019\nS3;EDU;01/01/2019\nS4;EDU;01/01/2019\n",
        s: "matricola;anno;punteggio\nM1;2019;90\nS1;2019;100\nS2;2019;90\nS3;2019;80\nS4;2019;60\n",
      },
      admin,
    );
    expect(imported.errors).toBeUndefined();
    await api.graphql(
      'mutation { recordAct(input: { kind: COLLECTIVE_AGREEMENT, number: "1", date: "2020-03-31", subject: "Contratto integrativo: fondi e criteri del 2019" }) { key } }',
      {},
      admin,
    );
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  const setRules = (rules: Record<string, unknown>) =>
    api.graphql(
      'mutation($rules: JSON!) { setIncentiveRules(year: 2019, actKey: "CCDI-1-2020", rules: $rules) { version } }',
      { rules },
      admin,
    );

  it("refuses a fund whose act is not recorded, or an amount finer than the cent", async () => {
    const unknownAct = await setRules({ funds: { STAFF: { actKey: "DDG-5-2020", amount: "10000.00" } } });
    expect(unknownAct.errors?.[0].message).toBe(
      "rules.funds.STAFF.actKey: no act DDG-5-2020 is recorded: record it first (recordAct: kind, number, date, subject)",
    );
    const finer = await setRules({ funds: { STAFF: { actKey: "CCDI-1-2020", amount: "10000.005" } } });
    expect(finer.errors?.[0].message).toBe(
      "rules.funds.STAFF.amount: an amount in euros to the cent, such as 1250000.00",
    );
  });

  it("splits each category's fund to the cent, art. 69 inside it, and writes it in Italian for payroll", async () => {
    const set = await setRules({
      differentiation: { quota: 0.25, uplift: 0.3 },
      funds: {
        STAFF: { actKey: "CCDI-1-2020", amount: "10000.00" },
        PO: { actKey: "CCDI-1-2020", amount: "3000.00" },
        MANAGER: { actKey: "CCDI-1-2020", amount: 5000 },
      },
    });
    expect(set.errors).toBeUndefined();
    await api.graphql("mutation { moveCycle(year: 2019, to: UNDER_REVIEW) { status } }", {}, admin);
    await api.graphql(
      'mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30", subject: "Validazione della Relazione sulla Performance 2019" }) { key } }',
      {},
      board,
    );
    expect(
      (
        await api.graphql(
          'mutation { moveCycle(year: 2019, to: VALIDATED, actKey: "NV-7-2020") { status } }',
          {},
          board,
        )
      ).errors,
    ).toBeUndefined();
    const file = (
      await api.graphql<{ exportPayroll: string }>(
        "mutation { exportPayroll(year: 2019) }",
        {},
        await bearer(["PAYROLL"]),
      )
    ).data!.exportPayroll;
    // Staff: 0.4 × 0.76 + 0.6 × (1, 0.9, 0.8, 0.6) = 0.904, 0.844, 0.784, 0.664; average 3.196 / 4 = 0.799.
    // One place (floor(4 × 0.25)), for S1: 0.904 + 0.3 × 0.799 = 1.1437. The fund is split over
    // 1.1437 + 0.844 + 0.784 + 0.664 = 3.4357: € 10,000 × 1.1437 / 3.4357 = 3,328.870… → 3,328.87;
    // × 0.844 / 3.4357 = 2,456.559… → 2,456.56; × 0.784 / 3.4357 = 2,281.922… → 2,281.92;
    // × 0.664 / 3.4357 = 1,932.648… → 1,932.65 (the two cents left go to the largest remainders, .907 and .837).
    // The manager, alone: 0.6 × 0.76 + 0.4 × 0.9 = 0.816 and the whole € 5,000.
    expect(file).toBe(
      "\uFEFF" +
        [
          "matricola;nome;categoria;anno;stato;motivo;solidali_raggiunti;punteggio_unita;punteggio_individuale;punteggio_complessivo;quota_erogabile;maggiorazione_art69;graduatoria_art69;criterio_parita_art69;giorni;importo_euro;atto_fondo;versione_regole",
          "M1;'@Anna Bianchi;DIRIGENTE;2019;COMPLETO;;SI;0,76;90;0,816;0,816;0;;;365;5000,00;CCDI-1-2020;1",
          `S1;Paolo Rossi;DIPENDENTE;2019;COMPLETO;;SI;0,76;100;0,904;1,1437;0,2397;1;${TIE_RULE};365;3328,87;CCDI-1-2020;1`,
          "S2;'+Giulia Verdi;DIPENDENTE;2019;COMPLETO;;SI;0,76;90;0,844;0,844;0;2;;365;2456,56;CCDI-1-2020;1",
          "S3;'-Luca Neri;DIPENDENTE;2019;COMPLETO;;SI;0,76;80;0,784;0,784;0;3;;365;2281,92;CCDI-1-2020;1",
          "S4;'=SOMMA(A1:A9);DIPENDENTE;2019;COMPLETO;;SI;0,76;60;0,664;0,664;0;4;;365;1932,65;CCDI-1-2020;1",
        ].join("\r\n") +
        "\r\n",
    );
  });

  it("reports each fund, what was paid, what is left and why, art. 69, and the evaluations' spread", async () => {
    const { data, errors } = await api.graphql<{ eligibilityReport: Record<string, unknown> }>(
      `{ eligibilityReport(year: 2019) {
          provisional employees eligibilities paid
          funds { category actKey fund paid undistributed reason incomplete }
          differentiation { category paid places uplifted tieRule }
          evaluations { category unit { code } evaluated distinctScores topScore shareAtTop scores { score count } }
        } }`,
      {},
      await bearer(["PAYROLL"]),
    );
    expect(errors).toBeUndefined();
    expect(data!.eligibilityReport).toEqual({
      provisional: false,
      employees: 5,
      eligibilities: 5,
      paid: 5,
      funds: [
        {
          category: "MANAGER",
          actKey: "CCDI-1-2020",
          fund: "5000.00",
          paid: "5000.00",
          undistributed: "0.00",
          reason: null,
          incomplete: 0,
        },
        {
          category: "PO",
          actKey: "CCDI-1-2020",
          fund: "3000.00",
          paid: "0.00",
          undistributed: "3000.00",
          reason: "nobody of the category was in service in the year",
          incomplete: 0,
        },
        {
          category: "STAFF",
          actKey: "CCDI-1-2020",
          fund: "10000.00",
          paid: "10000.00",
          undistributed: "0.00",
          reason: null,
          incomplete: 0,
        },
      ],
      differentiation: [{ category: "STAFF", paid: 4, places: 1, uplifted: 1, tieRule: TIE_RULE }],
      evaluations: [
        {
          category: "MANAGER",
          unit: { code: "EDU" },
          evaluated: 1,
          distinctScores: 1,
          topScore: 90,
          shareAtTop: 1,
          scores: [{ score: 90, count: 1 }],
        },
        {
          category: "STAFF",
          unit: { code: "EDU" },
          evaluated: 4,
          distinctScores: 4,
          topScore: 100,
          shareAtTop: 0.25,
          scores: [
            { score: 100, count: 1 },
            { score: 90, count: 1 },
            { score: 80, count: 1 },
            { score: 60, count: 1 },
          ],
        },
      ],
    });
    const art69 = await api.graphql<{ eligibilityReport: { differentiation: Array<Record<string, number>> } }>(
      "{ eligibilityReport(year: 2019) { differentiation { averagePremium maggiorazione } } }",
      {},
      admin,
    );
    const [staff] = art69.data!.eligibilityReport.differentiation;
    expect(staff.averagePremium).toBeCloseTo(0.799, 9); // (0.904 + 0.844 + 0.784 + 0.664) / 4
    expect(staff.maggiorazione).toBeCloseTo(0.2397, 9); // 0.3 × 0.799
  });
});
