import { DataSource } from "typeorm";
import { Role } from "../../entities/enums";
import { importPeople } from "../../src/people/import-people";
import { StatementCounter } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

/** `count` people from S<first> on: each a DIPENDENTE in EDU for 2019 with a 2019 score. */
function people(first: number, count: number) {
  const codes = Array.from({ length: count }, (_, i) => `S${first + i}`);
  return {
    employees: ["matricola;nome;categoria", ...codes.map((c) => `${c};Persona ${c};DIPENDENTE`)].join("\n"),
    assignments: ["matricola;unita;dal;al", ...codes.map((c) => `${c};EDU;01/01/2019;31/12/2019`)].join("\n"),
    assessments: ["matricola;anno;punteggio", ...codes.map((c) => `${c};2019;80`)].join("\n"),
  };
}

describe.each(testDatabases)("the people import's statements on $name", (db) => {
  const statements = new StatementCounter();
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await openWithPlan(db, statements)));
  afterAll(() => db.close(dataSource));

  const counted = async (first: number, count: number) => {
    statements.count = 0;
    await importPeople(dataSource, { subject: "hr.office", roles: [Role.ADMIN], units: [] }, people(first, count));
    return statements.count;
  };

  it("writes rows in INSERTs of 1,000: 1,010 new people cost 3 × (2 − 1) = 3 statements more than 10", async () => {
    const ten = await counted(1, 10);
    const many = await counted(1_001, 1_010);
    // Employees, assignments, assessments: ⌈1010 / 1000⌉ = 2 INSERTs each against ⌈10 / 1000⌉ = 1.
    expect(many - ten).toBe(3);
    const [{ n }] = await dataSource.query<Array<{ n: number | string }>>(
      "SELECT COUNT(*) AS n FROM individual_assessment WHERE year = 2019 AND score = 80",
    );
    expect(Number(n)).toBe(1_020);
  });
});
