import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";
import { overrideEduTo076 } from "../support/nucleo-overrides";

interface Row {
  employee: { code: string; category: string };
  category: string;
  composite: number | null;
  days: number;
}

describe.each(testDatabases)("assignments over time on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "hr.office");
    await overrideEduTo076(dataSource);
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  const importPeople = (employees: string, assignments: string, assessments = "") =>
    api.graphql<{ importPeople: number }>(
      "mutation($e: String, $a: String, $s: String) { importPeople(employees: $e, assignments: $a, assessments: $s) }",
      { e: employees, a: assignments, s: assessments },
      admin,
    );
  const rows = async (year: number) =>
    (
      await api.graphql<{ eligibility: { nodes: Row[] } }>(
        `{ eligibility(year: ${year}) { nodes { employee { code category } category composite days } } }`,
        {},
        admin,
      )
    ).data!.eligibility.nodes;

  it("names a missing column once, with the columns expected, and reads the headers an office writes", async () => {
    const missing = await importPeople(
      "matricola;cognome;qualifica\nS7;Rossi;DIPENDENTE\nS8;Bianchi;PO\n",
      "matricola;unita;dal\nS7;EDU;01/01/2019\n",
    );
    expect(missing.errors?.[0].message).toBe(
      'Nothing imported: employees: no column nome in the header (matricola; cognome; qualifica); expected matricola (or "n matricola", "numero matricola"); ' +
        'nome (or "cognome e nome", "nome e cognome", "nominativo"); categoria (or "qualifica") (case and accents ignored)',
    );
    expect(missing.errors?.[0].extensions?.problems).toHaveLength(1);
    const written = await importPeople(
      "Matricola;Cognome e Nome;Categoria\nS7;Rossi Paolo;DIPENDENTE\n",
      "MATRICOLA;Unità;Dal;Al;Quota\nS7;EDU;01/01/2019;;1\n",
    );
    expect(written.errors).toBeUndefined();
    expect(written.data?.importPeople).toBe(2);
  });

  it("refuses an assignment to a unit on days it did not exist", async () => {
    // The Direzione Mobilità e Trasporti (MOB) was created on 2019-09-09; MAE closed the day before.
    const { errors } = await importPeople(
      "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\n",
      "matricola;unita;dal;al\nS1;MOB;01/01/2019;\nS1;MAE;01/01/2019;\n",
    );
    expect(errors?.[0].message).toBe(
      "Nothing imported: 2 row(s) are wrong: assignments line 2: unita: MOB existed from 2019-09-09 with no end, not on every day from 2019-01-01 to no end; " +
        "assignments line 3: unita: MAE existed to 2019-09-08, not on every day from 2019-01-01 to no end",
    );
    const split = await importPeople(
      "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\n",
      "matricola;unita;dal;al\nS1;MAE;01/01/2019;08/09/2019\nS1;MOB;09/09/2019;31/12/2019\n",
    );
    expect(split.errors).toBeUndefined();
  });

  it("keeps 2019's category when a promotion from 2020 is imported, and refuses one that leaves the earlier assignment open", async () => {
    await importPeople(
      "matricola;nome;categoria\nS2;Giulia Verdi;DIPENDENTE\n",
      "matricola;unita;dal;al\nS2;EDU;01/01/2019;\n",
      "matricola;anno;punteggio\nS2;2019;80\n",
    );
    const overlapping = await importPeople(
      "matricola;nome;categoria\nS2;Giulia Verdi;PO\n",
      "matricola;unita;dal;al;quota;categoria\nS2;EDU;01/01/2020;;1;PO\n",
    );
    expect(overlapping.errors?.[0].message).toBe(
      "Nothing imported: 1 row(s) are wrong: assignments of S2: 2 times full time on 2020-01-01: end the earlier assignment (al) before the next starts",
    );
    const promoted = await importPeople(
      "matricola;nome;categoria\nS2;Giulia Verdi;PO\n",
      "matricola;unita;dal;al;quota;categoria\nS2;EDU;01/01/2019;31/12/2019;1;DIPENDENTE\nS2;EDU;01/01/2020;;1;PO\n",
    );
    expect(promoted.errors).toBeUndefined();
    const [in2019] = (await rows(2019)).filter((r) => r.employee.code === "S2");
    // Still staff weights in 2019: 0.4 × 0.76 + 0.6 × 0.8 = 0.784 (PO weights would give 0.5 × 0.76 + 0.5 × 0.8 = 0.78).
    expect(in2019).toMatchObject({ employee: { category: "PO" }, category: "STAFF", days: 365 });
    expect(in2019.composite).toBeCloseTo(0.784, 9);
    const [in2020] = (await rows(2020)).filter((r) => r.employee.code === "S2");
    expect(in2020).toMatchObject({ category: "PO", days: 366 });
  });

  it("accepts, once 2019 is validated, a change that moves only later years, and refuses one that moves 2019", async () => {
    const board = await bearer(["EVALUATION_BOARD"]);
    await api.graphql("mutation { moveCycle(year: 2019, to: UNDER_REVIEW) { status } }", {}, admin);
    await api.graphql(
      'mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30", subject: "Validazione della Relazione sulla Performance 2019" }) { key } }',
      {},
      board,
    );
    await api.graphql('mutation { moveCycle(year: 2019, to: VALIDATED, actKey: "NV-7-2020") { status } }', {}, board);
    const later = await importPeople("", "matricola;unita;dal;al;quota;categoria\nS2;EDU;01/01/2020;30/06/2020;1;PO\n");
    expect(later.errors).toBeUndefined();
    const earlier = await importPeople(
      "",
      "matricola;unita;dal;al;quota;categoria\nS2;EDU;01/01/2019;30/06/2019;1;DIPENDENTE\n",
    );
    expect(earlier.errors?.[0].message).toBe(
      "The evaluation of 2019 is validated: its figures are frozen until the Nucleo di Valutazione sends it back to review by act",
    );
  });
});
