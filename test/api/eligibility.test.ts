import { DataSource } from "typeorm";
import { ReviewDecision, Role } from "../../entities/enums";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenScore } from "../../entities/frozen-score.entity";
import { Employee } from "../../entities/employee.entity";
import { recordReview } from "../../src/cycles/reviews";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const EMPLOYEES = `matricola;nome;categoria
M001;Anna Bianchi;DIRIGENTE
S002;Paolo Rossi;DIPENDENTE
S003;Giulia Verdi;DIPENDENTE
P004;Luca Neri;PO
S005;Sara Gialli;DIPENDENTE
`;
const ASSIGNMENTS = `matricola;unita;dal;al;quota
M001;EDU;01/01/2019;;1
S002;DG;01/01/2019;08/09/2019;1
S002;DSAGMP;09/09/2019;;1
S003;EDU;01/01/2019;;0,5
P004;EDU;01/01/2019;;1
S005;EDU;01/01/2019;;1
`;
const ASSESSMENTS = `matricola;anno;punteggio
M001;2019;90
S002;2019;80
S003;2019;70
P004;2019;40
`;

interface Row {
  employee: { code: string };
  status: string;
  missing: string | null;
  unitScore: number | null;
  composite: number | null;
  payableShare: number | null;
  days: number;
  provisional: boolean;
}
const ROW = "employee { code } status missing unitScore composite payableShare days provisional";

describe.each(testDatabases)("incentive eligibility on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  const nucleo = { subject: "nucleo.presidente", roles: [Role.EVALUATION_BOARD], units: [] };

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "hr.office");
    // The Nucleo sets the scores the test needs: every Solidale reached, each directorate's Gestionali
    // 0.9 on average, and the three directorates' own objectives: DG 0.8, DSAGMP 1, EDU 0.7.
    const override = (input: { objectiveKey?: string; unitCode?: string; score: number }) =>
      recordReview(dataSource, nucleo, {
        year: 2019,
        objectiveKey: input.objectiveKey ?? null,
        unitCode: input.unitCode ?? null,
        gateOpen: null,
        decision: ReviewDecision.OVERRIDDEN,
        score: input.score,
        comment: "Punteggio fissato dal Nucleo per la prova",
      });
    for (const key of ["SOL-SOLIDALE", "SOL-ATTRATTIVA", "SOL-DIGITALE", "SOL-AMBIENTE"])
      await override({ objectiveKey: key, score: 1 });
    for (const [unitCode, score] of [
      ["DG", 0.8],
      ["DSAGMP", 1],
      ["EDU", 0.7],
    ] as const) {
      // A Gestionale is reviewed per directorate: (0.9 + 0.8 + 1 + 0.9) / 4 = 0.9 in each.
      for (const [objectiveKey, gestionale] of [
        ["GES-ANTICORRUZIONE", 0.9],
        ["GES-PROGRAMMAZIONE", 0.8],
        ["GES-DIGITALIZZAZIONE", 1],
        ["GES-ERP", 0.9],
      ] as const)
        await override({ objectiveKey, unitCode, score: gestionale });
      await override({ unitCode, score });
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

  it("imports nothing when a row is wrong, naming the file, line and field", async () => {
    const { errors } = await importPeople(
      EMPLOYEES.replace("P004;Luca Neri;PO", "P004;Luca Neri;CAPO"),
      ASSIGNMENTS.replace("S003;EDU;01/01/2019;;0,5", "S003;XYZ;01/01/2019;;0,5"),
      ASSESSMENTS.replace("M001;2019;90", "M001;2019;190"),
    );
    expect(errors?.[0].extensions?.code).toBe("INVALID_INPUT");
    // P004's own row is wrong, so its assignment and assessment name an employee that is not there.
    expect(errors![0].message).toBe(
      'Nothing imported: 5 row(s) are wrong: employees line 5: categoria: "CAPO" is not DIRIGENTE, PO or DIPENDENTE; ' +
        'assignments line 5: unita: no unit has the code "XYZ"; assessments line 2: punteggio: "190" is not a number between 0 and 100; ' +
        'assignments line 6: matricola: no employee "P004"; assessments line 5: matricola: no employee "P004"',
    );
    expect(await dataSource.manager.count(Employee)).toBe(0);
    expect((await importPeople(EMPLOYEES, ASSIGNMENTS, ASSESSMENTS)).data).toEqual({ importPeople: 15 });
  });

  it("computes each category, a move on 2019-09-09, a part-timer, the threshold, and a missing assessment", async () => {
    const { data, errors } = await api.graphql<{ eligibility: { totalCount: number; nodes: Row[] } }>(
      `{ eligibility(year: 2019) { totalCount nodes { ${ROW} } } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    const row = (code: string) => data!.eligibility.nodes.find((n) => n.employee.code === code)!;
    const units = { DG: 0.7 * 0.8 + 0.3 * 0.9, DSAGMP: 0.7 * 1 + 0.3 * 0.9, EDU: 0.7 * 0.7 + 0.3 * 0.9 }; // 0.83, 0.97, 0.76
    expect(row("M001").composite).toBeCloseTo(0.6 * units.EDU + 0.4 * 0.9, 9); // 0.816
    expect(row("M001").payableShare).toBeCloseTo(0.816, 9);
    const moved = (units.DG * 251 + units.DSAGMP * 114) / 365; // 251 days to 8 Sep, 114 from 9 Sep
    expect(row("S002").unitScore).toBeCloseTo(moved, 9);
    expect(row("S002").payableShare).toBeCloseTo(0.4 * moved + 0.6 * 0.8, 9);
    expect(row("S003")).toMatchObject({
      days: 182.5,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- @types/jest types the asymmetric matcher expect.closeTo as any on purpose
      payableShare: expect.closeTo((0.4 * units.EDU + 0.6 * 0.7) * 0.5, 9),
    }); // half time
    expect(row("P004").composite).toBeCloseTo(0.5 * units.EDU + 0.5 * 0.4, 9); // 0.58, below 60%
    expect(row("P004").payableShare).toBe(0);
    expect(row("S005")).toMatchObject({
      status: "INCOMPLETE",
      missing: "manca la valutazione individuale 2019",
      payableShare: null,
    });
    expect(data!.eligibility.nodes.every((n) => n.provisional)).toBe(true);
  });

  it("explains a payable share down to the KPI values, their runs, the targets and the acts that set them", async () => {
    const { data, errors } = await api.graphql<{
      eligibility: {
        nodes: Array<{
          explain: string[];
          assignments: Array<{
            unit: {
              code: string;
              attainment: {
                direzione: {
                  score: number;
                  computedScore: number | null;
                  objectives: Array<{
                    objective: { key: string };
                    kpis: Array<{ kpi: { code: string }; target: { value: string; act: { key: string } } | null }>;
                  }>;
                };
              };
            };
          }>;
        }>;
      };
    }>(
      `{ eligibility(year: 2019, employeeCode: "S002", first: 1) { nodes { explain assignments { unit { code attainment(year: 2019) { direzione { score computedScore
        objectives { objective { key } kpis { kpi { code } target { value act { key } } } } } } } } } } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    const [s002] = data!.eligibility.nodes;
    expect(s002.explain[0]).toBe(
      "dal 01/01/2019 al 08/09/2019 in DG: 251 giorni al 100% del tempo pieno, punteggio dell'unità 0,83",
    );
    expect(s002.explain[1]).toBe(
      "dal 09/09/2019 al 31/12/2019 in DSAGMP: 114 giorni al 100% del tempo pieno, punteggio dell'unità 0,97",
    );
    const dg = s002.assignments[0].unit.attainment.direzione;
    expect(dg.score).toBe(0.8); // the Nucleo's override for the unit
    const pq = dg.objectives.find((o) => o.objective.key === "DIR-DG-2019-1")!;
    expect(pq.kpis[0]).toEqual({
      kpi: { code: "DIR-DG-2019-1-AVANZAMENTO" },
      target: { value: "70", act: { key: "GC-2187-2019" } },
    });
  });

  it("shows people only to the roles that may see them, and to a unit manager only their own", async () => {
    for (const headers of [{}, await bearer(["VIEWER"])]) {
      expect(
        (await api.graphql(`{ eligibility(year: 2019) { totalCount } }`, {}, headers)).errors?.[0].extensions?.code,
      ).toBe("FORBIDDEN");
    }
    const manager = await api.graphql<{ eligibility: { nodes: Row[] } }>(
      `{ eligibility(year: 2019) { nodes { employee { code } } } }`,
      {},
      await bearer(["UNIT_MANAGER"], ["DG"]),
    );
    expect(manager.data!.eligibility.nodes.map((n) => n.employee.code)).toEqual(["S002"]);
  });

  it("pays nothing to anyone while the Solidale gate is closed", async () => {
    await recordReview(dataSource, nucleo, {
      year: 2019,
      objectiveKey: "SOL-AMBIENTE",
      unitCode: null,
      gateOpen: null,
      decision: ReviewDecision.OVERRIDDEN,
      score: 0.5,
      comment: "M4 in ritardo sul cronoprogramma",
    });
    const { data } = await api.graphql<{ eligibility: { nodes: Row[] } }>(
      `{ eligibility(year: 2019) { nodes { ${ROW} gateOpen } } }`,
      {},
      admin,
    );
    expect(data!.eligibility.nodes.filter((n) => n.status === "COMPLETE").map((n) => n.payableShare)).toEqual([
      0, 0, 0, 0,
    ]);
    await recordReview(dataSource, nucleo, {
      year: 2019,
      objectiveKey: "SOL-AMBIENTE",
      unitCode: null,
      gateOpen: null,
      decision: ReviewDecision.OVERRIDDEN,
      score: 1,
      comment: "Rivisto dopo le controdeduzioni della direzione",
    });
  });

  it("refuses the payroll export until the Nucleo validates, and after closing gives the frozen figures byte for byte", async () => {
    const payroll = await bearer(["PAYROLL"]);
    const exportCsv = async () =>
      await api.graphql<{ exportPayroll: string }>("mutation { exportPayroll(year: 2019) }", {}, payroll);
    expect((await exportCsv()).errors?.[0].message).toBe(
      "year: 2019 is OPEN: the payroll export waits for the Nucleo di Valutazione to validate the year",
    );
    await api.graphql("mutation { moveCycle(year: 2019, to: UNDER_REVIEW) { status } }", {}, admin);
    const nucleoHeaders = await bearer(["EVALUATION_BOARD"]);
    await api.graphql(
      'mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30", subject: "Validazione della Relazione sulla Performance 2019" }) { key } }',
      {},
      nucleoHeaders,
    );
    const moved = await api.graphql(
      'mutation { moveCycle(year: 2019, to: VALIDATED, actKey: "NV-7-2020") { status } }',
      {},
      nucleoHeaders,
    );
    expect(moved.errors).toBeUndefined();
    const validated = (await exportCsv()).data!.exportPayroll;
    expect(validated.startsWith("\uFEFFmatricola;nome;categoria;anno;stato;")).toBe(true);
    // The whole file, so that it is the same text from either database. S002's unit score is
    // (0.83 × 251 + 0.97 × 114) / 365 = 0.873726…, printed to the millionth the fund would be split by.
    expect(validated).toBe(
      "\uFEFF" +
        [
          "matricola;nome;categoria;anno;stato;motivo;solidali_raggiunti;punteggio_unita;punteggio_individuale;punteggio_complessivo;quota_erogabile;maggiorazione_art69;graduatoria_art69;criterio_parita_art69;giorni;importo_euro;atto_fondo;versione_regole",
          "M001;Anna Bianchi;DIRIGENTE;2019;COMPLETO;;SI;0,76;90;0,816;0,816;0;;;365;;;0",
          "P004;Luca Neri;PO;2019;COMPLETO;;SI;0,76;40;0,58;0;0;;;365;;;0",
          "S002;Paolo Rossi;DIPENDENTE;2019;COMPLETO;;SI;0,873726;80;0,82949;0,82949;0;;;365;;;0",
          "S003;Giulia Verdi;DIPENDENTE;2019;COMPLETO;;SI;0,76;70;0,724;0,362;0;;;182,5;;;0",
          "S005;Sara Gialli;DIPENDENTE;2019;INCOMPLETO;manca la valutazione individuale 2019;SI;;;;;;;;365;;;0",
        ].join("\r\n") +
        "\r\n",
    );

    await api.graphql("mutation { moveCycle(year: 2019, to: CLOSED) { status } }", {}, admin);
    const [snapshot] = await dataSource.manager.find(CycleSnapshot, { where: { year: 2019 } });
    const frozen = await dataSource.manager.find(FrozenScore, { where: { snapshotId: snapshot.id } });
    expect(
      frozen.map(({ objectiveKey, unitCode, score, computedScore }) => ({
        objectiveKey,
        unitCode,
        score,
        computedScore,
      })),
    ).toEqual(
      expect.arrayContaining([
        { objectiveKey: "SOL-SOLIDALE", unitCode: null, score: "1", computedScore: null },
        { objectiveKey: "GES-ERP", unitCode: "EDU", score: "0.9", computedScore: null },
        expect.objectContaining({ objectiveKey: "DIR-DG-2019-1", unitCode: "DG", score: null }),
      ]),
    );
    expect(JSON.parse(snapshot.gate)).toMatchObject({ open: true, mode: "ALL" });
    const first = (await exportCsv()).data!.exportPayroll;
    // A later change of inputs does not move a closed year's file.
    await dataSource.query("UPDATE employee SET name = 'Anna Bianchi Rossi' WHERE code = 'M001'");
    const second = (await exportCsv()).data!.exportPayroll;
    expect(second).toBe(first);
    expect(first).toBe(validated);
    const closed = await importPeople("", "", "matricola;anno;punteggio\nM001;2019;95\n");
    expect(closed.errors?.[0].extensions?.code).toBe("CYCLE_CLOSED");
    await api.graphql(
      'mutation { recordAct(input: { kind: GIUNTA_RESOLUTION, number: "1", date: "2020-01-15", subject: "Regole degli incentivi del 2020" }) { key } }',
      {},
      admin,
    );
    const rules = await api.graphql(
      'mutation { setIncentiveRules(year: 2019, actKey: "GC-1-2020", rules: { threshold: 0.5 }) { version } }',
      {},
      admin,
    );
    expect(rules.errors?.[0].extensions?.code).toBe("CYCLE_CLOSED");
    const next = await api.graphql<{
      setIncentiveRules: { version: number; rules: { threshold: number; composite: { STAFF: { unit: number } } } };
    }>(
      'mutation { setIncentiveRules(year: 2020, actKey: "GC-1-2020", rules: { threshold: 0.5 }) { version rules } }',
      {},
      admin,
    );
    expect(next.data!.setIncentiveRules).toMatchObject({
      version: 1,
      rules: { threshold: 0.5, composite: { STAFF: { unit: 0.4 } } },
    });
    const unlawful = await api.graphql(
      'mutation { setIncentiveRules(year: 2020, actKey: "GC-1-2020", rules: { composite: { MANAGER: { unit: 0.5, individual: 0.5 }, PO: { unit: 0.5, individual: 0.5 }, STAFF: { unit: 0.4, individual: 0.6 } } }) { version } }',
      {},
      admin,
    );
    expect(unlawful.errors?.[0].message).toMatch(
      /^rules\.composite: for managers the organisational part must weigh more than half/,
    );
  });
});
