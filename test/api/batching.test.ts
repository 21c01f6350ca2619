import { DataSource } from "typeorm";
import { PlanData } from "../../src/plan-data/plan-data.schema";
import { loadPlan } from "../../src/plan-data/load-plan";
import { readPlanData } from "../../src/plan-data/read-plan-data";
import { RunningApi, startApi, StatementCounter } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const DASHBOARD = `{
  orgUnits(asOf: "2019-12-31") {
    code name head { name } parent { name } predecessor { name }
    objectives(year: 2019) {
      number title years owner { name } collaborators { name head { name } }
      kpis { name targets { year value act { number } } measurements { year periodKind value } }
      history { kind reason fromUnit { name } toUnit { name } act { number date } }
      parent { title }
    }
    collaborations(year: 2019) { title }
    attainment(year: 2019) { direzione { score objectives { status kpis { score measurement { id } target { value } } explain } } gestionale { score } }
  }
}`;

/** The real plan plus `extra` directorates of three objectives each, every one with a collaborator. */
function withExtraUnits(data: PlanData, extra: number): PlanData {
  const units = [...data.units];
  const objectives = [...data.objectives];
  const changes = [...data.changes];
  for (let u = 1; u <= extra; u += 1) {
    const code = `TEST${u}`;
    units.push({
      code,
      name: `Direzione di prova ${u}`,
      kind: "DIRECTORATE" as never,
      parent: null,
      predecessor: null,
      validFrom: null,
      validTo: null,
      annexPages: null,
      head: { name: `Dirigente ${u}`, honorific: null, validFrom: null },
      seedLine: null,
    });
    for (let n = 1; n <= 3; n += 1) {
      const key = `DIR-${code}-2019-${n}`;
      objectives.push({
        key,
        level: "DIREZIONE" as never,
        heading: null,
        healthGroup: null,
        title: `Obiettivo ${n}`,
        owner: code,
        number: n,
        years: [2019],
        collaborators: ["EDU"],
        unresolvedCollaborators: [],
        parent: null,
        status: "ACTIVE" as never,
        position: 10_000 + u * 10 + n,
        seedLine: null,
      });
      changes.push({
        key: `TEST:CREATED:${key}`,
        act: "GC-1098-2019",
        objective: key,
        kind: "CREATED" as never,
        reason: null,
        source: "IMPLIED" as never,
        from: null,
        to: code,
        oldTitle: null,
        newTitle: null,
        effectiveDate: "2019-01-01",
        citations: [{ page: null, seedLine: 1 }],
        note: null,
      });
    }
  }
  return { ...data, units, objectives, changes };
}

describe.each(testDatabases)("a dashboard query on $name", (db) => {
  const counter = new StatementCounter();
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db, counter);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  async function statementsFor(query: string): Promise<{ statements: number; units: number }> {
    counter.count = 0;
    const { data, errors } = await api.graphql<{ orgUnits: unknown[] }>(query);
    expect(errors).toBeUndefined();
    return { statements: counter.count, units: data!.orgUnits.length };
  }

  it("costs the same number of SQL statements however many units it returns", async () => {
    const before = await statementsFor(DASHBOARD);
    await loadPlan(dataSource, withExtraUnits(readPlanData(), 40));
    const after = await statementsFor(DASHBOARD);

    expect(after.units).toBe(before.units + 40);
    // A loader batches the keys asked for in the same tick, so one asked for at two depths (acts
    // of targets and of changes) may cost one statement or two from run to run; never one per
    // row. With 40 more units, 120 more objectives and 120 more changes, one statement per row
    // would add hundreds. The query reaches 7 levels and about 20 loaders: 20-26 statements, and
    // a cold start reads the year's attainment inputs (KPIs, targets, values, phases, reports) and
    // rules once more: up to 31.
    const CEILING = 32;
    expect(before.statements).toBeLessThanOrEqual(CEILING);
    expect(after.statements).toBeLessThanOrEqual(CEILING);
  });
});
