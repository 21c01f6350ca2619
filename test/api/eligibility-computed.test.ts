import { DataSource } from "typeorm";
import { Act } from "../../entities/act.entity";
import { KpiDirection, KpiFrequency, KpiUnit, ScoringRule } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Objective } from "../../entities/objective.entity";
import { Target } from "../../entities/target.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

/**
 * The plan names no KPI for most Obiettivi di Direzione: the Direzione Internal Auditing's three
 * 2019 objectives get theirs here (as the DG's schede would give them), and the Gestionale
 * "scostamento di bilancio" a number for its 2019 target (the plan states it only in words).
 * Every other KPI and target is the plan's own.
 */
const IA_KPIS = [
  // objective, code, unit, direction, weight, target, floor
  ["DIR-IA-2019-1", "IA-PROCESSI-CERTIFICATI", KpiUnit.PERCENT, KpiDirection.HIGHER_IS_BETTER, "1", "100", "50"],
  ["DIR-IA-2019-2", "IA-MODELLI-OPERATIVI", KpiUnit.MILESTONE, KpiDirection.MILESTONE, "1", null, null],
  ["DIR-IA-2019-3", "IA-AUDIT-SVOLTI", KpiUnit.COUNT, KpiDirection.HIGHER_IS_BETTER, "3", "40", null],
  ["DIR-IA-2019-3", "IA-REPORT-PUNTUALI", KpiUnit.PERCENT, KpiDirection.HIGHER_IS_BETTER, "1", "90", "60"],
] as const;

/** The 2019 values: [KPI, unit (null: the administration as a whole), value]. */
const VALUES: Array<[string, string | null, string]> = [
  // Solidali, for the administration: each reached, so the gate opens.
  ["SOL-PIANO-QUARTIERI", null, "72.5"], // target 70
  ["SOL-SVILUPPO-INTERNAZIONALE", null, "1"],
  ["SOL-SERVIZI-DIGITALI", null, "1"],
  ["SOL-ZERO-CARBON", null, "1"],
  ["SOL-AREA-PULITA", null, "1"],
  ["SOL-SPOSTAMENTI", null, "1"],
  ["SOL-M4", null, "1"],
  // The Direzione Internal Auditing's own objectives.
  ["IA-PROCESSI-CERTIFICATI", "IA", "80"], // (80 − 50) / (100 − 50) = 0.6
  ["IA-MODELLI-OPERATIVI", "IA", "0.75"], // three quarters of the phases done: 0.75
  ["IA-AUDIT-SVOLTI", "IA", "30"], // 30 / 40 = 0.75, weight 3
  ["IA-REPORT-PUNTUALI", "IA", "96"], // over the target of 90: 1, weight 1
  // Its Gestionali.
  ["GES-QUALITA-TRASPARENZA", "IA", "63"], // 63 / 70 = 0.9
  ["GES-QUALITA-ANTICORRUZIONE", "IA", "75"], // above the strict "> 70%": 1
  ["GES-SCOSTAMENTO-BILANCIO", "IA", "4"], // 4% against 2%, ceiling 10%: (10 − 4) / (10 − 2) = 0.75
  ["GES-SUAP-SUE-SUEV", "IA", "1"],
  ["GES-DIGITALIZZAZIONE-PRODOTTI", "IA", "0.5"],
  ["GES-PIATTAFORMA-ERP", "IA", "1"],
];

describe.each(testDatabases)("eligibility from computed KPI scores on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "controllo.gestione");
    const act = await dataSource.manager.findOneByOrFail(Act, { key: "GC-2187-2019" });
    for (const [objectiveKey, code, unit, direction, weight, target, floor] of IA_KPIS) {
      const objective = await dataSource.manager.findOneByOrFail(Objective, { key: objectiveKey });
      const kpi = await dataSource.manager.save(
        dataSource.manager.create(Kpi, {
          objectiveId: objective.id,
          code,
          name: code,
          unit,
          direction,
          weight,
          frequency: KpiFrequency.YEARLY,
          source: "MANUAL",
          scoring: ScoringRule.LINEAR,
        }),
      );
      if (target !== null)
        await dataSource.manager.insert(Target, {
          kpiId: kpi.id,
          year: 2019,
          description: code,
          items: [],
          value: target,
          bound: floor,
          actId: act.id,
          seedLine: null,
        });
    }
    const budget = await dataSource.manager.findOneByOrFail(Kpi, { code: "GES-SCOSTAMENTO-BILANCIO" });
    await dataSource.manager.update(Target, { kpiId: budget.id, year: 2019 }, { value: "2", bound: "10" });
    for (const [kpiCode, unitCode, value] of VALUES) {
      const { errors } = await api.graphql(
        "mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }",
        { input: { kpiCode, year: 2019, periodKind: "YEAR", unitCode, value } },
        admin,
      );
      expect(errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  const importPeople = (employees: string, assignments: string, assessments: string) =>
    api.graphql<{ importPeople: number }>(
      "mutation($e: String, $a: String, $s: String) { importPeople(employees: $e, assignments: $a, assessments: $s) }",
      { e: employees, a: assignments, s: assessments },
      admin,
    );

  it("refuses a people file the CSV reader cannot read, naming it and the line", async () => {
    const { errors } = await importPeople('matricola;nome;categoria\nM010;"Marta Galli;DIRIGENTE\n', "", "");
    expect(errors?.[0].extensions?.code).toBe("INVALID_INPUT");
    expect(errors![0].message).toMatch(
      /^Nothing imported: 1 row\(s\) are wrong: employees: Quote Not Closed: .* line 2$/,
    );
  });

  it("pays the share that the KPI values give, through the objective, unit and composite scores", async () => {
    expect(
      (
        await importPeople(
          "matricola;nome;categoria\nM010;Marta Galli;DIRIGENTE\nS011;Ugo Fontana;DIPENDENTE\n",
          "matricola;unita;dal;al;quota\nM010;IA;01/01/2019;;1\nS011;IA;01/01/2019;;1\n",
          "matricola;anno;punteggio\nM010;2019;90\nS011;2019;70\n",
        )
      ).errors,
    ).toBeUndefined();
    const { data, errors } = await api.graphql<{
      orgUnit: {
        attainment: { direzione: { score: number; objectives: Array<{ score: number; computedScore: number }> } };
      };
      eligibility: {
        nodes: Array<{
          employee: { code: string };
          gateOpen: boolean;
          unitScore: number;
          composite: number;
          payableShare: number;
        }>;
      };
    }>(
      `{ orgUnit(code: "IA") { attainment(year: 2019) { direzione { score objectives { score computedScore } } } }
         eligibility(year: 2019) { nodes { employee { code } gateOpen unitScore composite payableShare } } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    // Direzione: the mean of 0.6, 0.75 and (3 × 0.75 + 1 × 1) / 4 = 0.8125, i.e. 2.1625 / 3 = 0.72083…
    const direzione = (0.6 + 0.75 + (3 * 0.75 + 1) / 4) / 3;
    const { objectives, score } = data!.orgUnit.attainment.direzione;
    expect(objectives.map((o) => o.score)).toEqual(objectives.map((o) => o.computedScore)); // no review
    expect(score).toBeCloseTo(direzione, 9);
    // Gestionali: the mean of (0.9 + 1) / 2 = 0.95, 0.75, (1 + 0.5) / 2 = 0.75 and 1, i.e. 3.45 / 4 = 0.8625.
    const gestionale = (0.95 + 0.75 + 0.75 + 1) / 4;
    // Unit: 0.7 × 0.72083… + 0.3 × 0.8625 = 0.76333…
    const unit = 0.7 * direzione + 0.3 * gestionale;
    expect(unit).toBeCloseTo(0.763333, 6);
    const row = (code: string) => data!.eligibility.nodes.find((n) => n.employee.code === code)!;
    // A manager: 0.6 × 0.76333… + 0.4 × 0.90 = 0.818; a whole year at full time, so all of it is payable.
    expect(row("M010").gateOpen).toBe(true);
    expect(row("M010").unitScore).toBeCloseTo(unit, 9);
    expect(row("M010").payableShare).toBeCloseTo(0.818, 9);
    // Staff: 0.4 × 0.76333… + 0.6 × 0.70 = 0.72533…, above the 60% threshold.
    expect(row("S011").composite).toBeCloseTo(0.4 * unit + 0.6 * 0.7, 9);
    expect(row("S011").payableShare).toBeCloseTo(0.725333, 6);
  });
});
