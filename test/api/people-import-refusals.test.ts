import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";

const EMPLOYEES = "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\n";

describe.each(testDatabases)("a people import refused row by row on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "hr.office");
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  const importPeople = (files: { e?: string; a?: string; s?: string }) =>
    api.graphql(
      "mutation($e: String, $a: String, $s: String) { importPeople(employees: $e, assignments: $a, assessments: $s) }",
      files,
      admin,
    );

  it.each([
    [
      "a matricola twice",
      { e: "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\nS1;Paolo Rossi;PO\n" },
      'employees line 3: matricola: "S1" è già alla riga 2',
    ],
    [
      "an unclosed quote",
      { e: 'matricola;nome;categoria\nS1;"Paolo Rossi;DIPENDENTE\n' },
      /employees: Quote Not Closed: .* line 2/,
    ],
    [
      "a row with an extra column",
      { e: "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE;X\n" },
      "employees line 2: colonna 4: la riga ha 4 valori, l'intestazione 3 colonne (matricola, nome, categoria)",
    ],
    [
      "a file separated by commas with a decimal comma",
      { e: EMPLOYEES, a: "matricola,unita,dal,al,quota\nS1,EDU,01/01/2019,,0,5\n" },
      "assignments line 2: colonna 6: la riga ha 6 valori, l'intestazione 5 colonne (matricola, unita, dal, al, quota); " +
        'in un file separato da virgole una virgola decimale divide il valore ("0,5" in 0 e 5): ' +
        'scrivere 0.5, racchiudere "0,5" tra virgolette o separare i campi con ;',
    ],
    [
      "the year 2018,5",
      { e: EMPLOYEES, s: "matricola;anno;punteggio\nS1;2018,5;80\n" },
      'assessments line 2: anno: "2018,5" non è un anno (un numero intero da 1990 a 2100)',
    ],
    [
      "an assessment twice",
      { e: EMPLOYEES, s: "matricola;anno;punteggio\nS1;2019;80\nS1;2019;90\n" },
      "assessments line 3: anno: la valutazione 2019 di S1 è già alla riga 2",
    ],
    [
      "an assignment row twice (547.5 days in a year, before)",
      { e: EMPLOYEES, a: "matricola;unita;dal;quota\nS1;EDU;01/01/2019;0,5\nS1;EDU;01/01/2019;1\n" },
      "assignments line 3: dal: l'assegnazione di S1 a EDU dal 2019-01-01 è già alla riga 2",
    ],
    [
      "two full-time assignments at once (1 + 1 = 2 times full time)",
      { e: EMPLOYEES, a: "matricola;unita;dal\nS1;EDU;01/01/2019\nS1;DG;01/07/2019\n" },
      "assignments of S1: 2 times full time on 2019-07-01: end the earlier assignment (al) before the next starts",
    ],
  ])("refuses %s as INVALID_INPUT saying where, importing nothing", async (_what, files, problem) => {
    const before = await tableCounts(dataSource);
    const { errors } = await importPeople(files);
    expect(errors?.[0].extensions?.code).toBe("INVALID_INPUT");
    const message = errors?.[0].message ?? "";
    expect(message).toMatch(/^Nothing imported: /);
    if (typeof problem === "string") expect(message).toContain(problem);
    else expect(message).toMatch(problem);
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("takes the same people once each, with half-time assignments side by side (0.5 + 0.5 = 1)", async () => {
    const { errors } = await importPeople({
      e: EMPLOYEES,
      a: "matricola;unita;dal;quota\nS1;EDU;01/01/2019;0,5\nS1;DG;01/01/2019;0,5\n",
      s: "matricola;anno;punteggio\nS1;2019;80\n",
    });
    expect(errors).toBeUndefined();
  });
});
