import { DataSource } from "typeorm";
import { RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

interface Named {
  name: string;
}

describe.each(testDatabases)("the plan over GraphQL on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  it("lists the Obiettivi Solidali with their targets", async () => {
    const { data, errors } = await api.graphql<{
      objectives: {
        totalCount: number;
        nodes: Array<{ title: string; targets: Array<{ year: number; description: string }> }>;
      };
    }>("{ objectives(level: SOLIDALE) { totalCount nodes { title targets { year description } } } }");
    expect(errors).toBeUndefined();
    expect(data!.objectives.totalCount).toBe(4);
    const solidale = data!.objectives.nodes[0];
    expect(solidale.title).toBe("Milano più solidale");
    expect(solidale.targets).toEqual([
      { year: 2019, description: "Piano Quartieri: avanzamento del 70% dei programmi di lavoro del 2019" },
      { year: 2020, description: "Piano Quartieri: avanzamento del 90% dei programmi di lavoro del 2020" },
    ]);
    expect(data!.objectives.nodes[3].targets.map((t) => t.description)).toEqual([
      "Zero Carbon Fuel entro il 2023",
      "Area più pulita (misurazione ponderata)",
      "Spostamenti più facili e veloci",
      "M4",
    ]);
  });

  it("shows the organisation at the end of 2019 with heads and numbered objectives", async () => {
    const { data, errors } = await api.graphql<{
      orgUnits: Array<{ name: string; head: Named | null; objectives: Array<{ number: number; title: string }> }>;
    }>('{ orgUnits(asOf: "2019-12-31") { name head { name } objectives(year: 2019) { number title } } }');
    expect(errors).toBeUndefined();
    const unit = (name: string) => data!.orgUnits.find((u) => u.name === name)!;
    expect(unit("Direzione Transizione Ambientale").head!.name).toBe("Filippo Salucci");
    expect(unit("Direzione Transizione Ambientale").objectives.map((o) => o.number)).toEqual([1, 2, 3, 4, 5]);
    expect(unit("Direzione Educazione").objectives).toHaveLength(18);
    expect(unit("Direzione Educazione").objectives[17].title).toMatch(
      /^Dichiarazioni ISEE servizi Direzione Educazione/,
    );
    expect(data!.orgUnits.map((u) => u.name)).not.toContain("Direzione Mobilità, Ambiente ed Energia");
  });

  it("shows the organisation as it stood before the reorganisation", async () => {
    const { data } = await api.graphql<{ orgUnits: Array<{ name: string; objectives: Array<{ title: string }> }> }>(
      '{ orgUnits(asOf: "2019-08-01") { name objectives(year: 2019) { title } } }',
    );
    const names = data!.orgUnits.map((u) => u.name);
    expect(names).not.toContain("Direzione Transizione Ambientale");
    expect(names).toContain("Direzione Mobilità, Ambiente ed Energia");
    const mae = data!.orgUnits.find((u) => u.name === "Direzione Mobilità, Ambiente ed Energia")!;
    // Its own nine (now Mobilità e Trasporti's) and the three that went to Transizione Ambientale.
    expect(mae.objectives).toHaveLength(12);
    expect(mae.objectives.map((o) => o.title)).toContain("Miglioramento della qualità e sostenibilità ambientale");
    const dg = data!.orgUnits.find((u) => u.name === "Direzione Generale")!;
    expect(dg.objectives.map((o) => o.title)).toContain(
      "Ottimizzazione dei canali informativi e dei processi di comunicazione con il cittadino",
    );
  });

  it("counts a directorate's objectives for a year", async () => {
    const { data } = await api.graphql<{ objectives: { totalCount: number } }>(
      '{ objectives(level: DIREZIONE, year: 2020, unitName: "Direzione Educazione") { totalCount } }',
    );
    expect(data!.objectives.totalCount).toBe(4);
  });

  it("tells an objective's owner, collaborators and history, and its owner on an earlier date", async () => {
    const list = await api.graphql<{ objectives: { nodes: Array<{ id: string }> } }>(
      '{ objectives(level: DIREZIONE, year: 2019, unitCode: "SCPS") { nodes { id } } }',
    );
    const id = list.data!.objectives.nodes[15].id; // Servizi Civici 2019 #16, moved from the Direzione Generale
    const { data, errors } = await api.graphql<{
      objective: {
        title: string;
        owner: Named;
        before: Named;
        collaborators: Named[];
        history: Array<{ kind: string; reason: string | null; act: { number: string; date: string } }>;
      };
    }>(
      `query($id: ID!) { objective(id: $id) { title owner { name } before: owner(asOf: "2019-08-01") { name } collaborators { name }
        history { kind reason act { number date } } } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    expect(data!.objective.title).toMatch(/^Costruzione di strumenti per il monitoraggio/);
    expect(data!.objective.owner.name).toBe("Direzione Servizi Civici, Partecipazione e Sport");
    expect(data!.objective.before.name).toBe("Direzione Generale");
    expect(data!.objective.collaborators.map((c) => c.name).sort()).toEqual([
      "Direzione Educazione",
      "Direzione Sistemi Informativi e Agenda Digitale",
      "Direzione Specialistica Incassi e Riscossione",
    ]);
    expect(data!.objective.history).toEqual([
      { kind: "CREATED", reason: null, act: { number: "1098", date: "2019-06-28" } },
      { kind: "TRANSFERRED", reason: "REORGANISATION", act: { number: "2187", date: "2019-12-06" } },
    ]);
  });

  it("finds an objective by its stable key", async () => {
    const { data } = await api.graphql<{ objective: { title: string; owner: Named } }>(
      '{ objective(key: "DIR-TA-2019-5") { title owner { name } } }',
    );
    expect(data!.objective).toEqual({
      title: "Strategia di Resilienza Urbana della Città di Milano",
      owner: { name: "Direzione Transizione Ambientale" },
    });
  });

  it("lists the plan's acts in date order with the changes each made", async () => {
    const { data, errors } = await api.graphql<{
      plan: {
        title: string;
        acts: Array<{
          kind: string;
          number: string | null;
          date: string;
          subject: string;
          changes: Array<{ kind: string; reason: string | null; objective: { title: string } }>;
        }>;
      };
    }>("{ plan { title acts { kind number date subject changes { kind reason objective { title } } } } }");
    expect(errors).toBeUndefined();
    expect(data!.plan.title).toBe("Piano degli Obiettivi 2019-2021");
    const dates = data!.plan.acts.map((a) => a.date);
    expect(dates).toEqual([...dates].sort());
    const amending = data!.plan.acts.find((a) => a.number === "2187")!;
    expect(amending.kind).toBe("GIUNTA_RESOLUTION");
    const kinds = amending.changes.reduce<Record<string, number>>(
      (n, c) => ({ ...n, [c.kind]: (n[c.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds).toEqual({ TRANSFERRED: 24, CREATED: 22, RENAMED: 24, UPDATED: 8, REMOVED: 5 });
    expect(data!.plan.acts.map((a) => a.number)).toEqual(
      expect.arrayContaining(["1098", "1263", "2264", "2466", "2187"]),
    );
  });

  it("pages through a long list with cursors", async () => {
    const all = await api.graphql<{ objectives: { totalCount: number; nodes: Array<{ id: string }> } }>(
      "{ objectives(level: DIREZIONE, first: 500) { totalCount nodes { id } } }",
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        data?: {
          objectives: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
        };
      } = await api.graphql(
        "query($after: String) { objectives(level: DIREZIONE, first: 100, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }",
        { after },
      );
      seen.push(...page.data!.objectives.nodes.map((n) => n.id));
      if (!page.data!.objectives.pageInfo.hasNextPage) break;
      after = page.data!.objectives.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.objectives.nodes.map((n) => n.id));
    expect(seen).toHaveLength(all.data!.objectives.totalCount);
    expect(all.data!.objectives.totalCount).toBe(321);
  });

  it("answers bad input with a code and a message that names the argument", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['{ objectives(after: "nonsense") { totalCount } }', "INVALID_INPUT", /^after: /],
      ["{ objectives(first: 100000) { totalCount } }", "INVALID_INPUT", /^first: /],
      ['{ objective(id: "1 OR 1=1") { title } }', "INVALID_INPUT", /^id: /],
      ['{ objective(id: "1", key: "DIR-EDU-2019-1") { title } }', "INVALID_INPUT", /^id: give either id or key/],
      ['{ objectives(unitName: "Direzione Inesistente") { totalCount } }', "NOT_FOUND", /Direzione Inesistente/],
      ['{ orgUnits(asOf: "2019-13-45") { name } }', "INVALID_INPUT", /^LocalDate: "2019-13-45" .* YYYY-MM-DD/],
      [
        "query($d: LocalDate) { orgUnits(asOf: $d) { name } }",
        "INVALID_INPUT",
        /^LocalDate: "2019-02-30" .* YYYY-MM-DD/,
      ],
    ];
    for (const [query, code, message] of cases) {
      const { errors } = await api.graphql(query, { d: "2019-02-30" });
      expect(errors?.[0]?.extensions?.code).toBe(code);
      expect(errors![0].message).toMatch(message);
      expect(JSON.stringify(errors)).not.toMatch(/SELECT|sqlite|mysql|\bat \w+ \(/i);
    }
  });

  it("refuses a forged token", async () => {
    const { errors } = await api.graphql("{ plan { title } }", {}, { authorization: "Bearer abc.def.ghi" });
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("serves the explorer's page and assets from the installed packages", async () => {
    const page = await fetch(`${api.url}/explorer`).then((r) => r.text());
    expect(page).toContain("/explorer/graphiql.min.js");
    const asset = await fetch(`${api.url}/explorer/graphiql.min.js`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });
});
