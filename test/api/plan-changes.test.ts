import { DataSource } from "typeorm";
import { AuditEvent } from "../../entities/audit-event.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const NEW_ACT =
  '{ kind: GIUNTA_RESOLUTION, number: "512", date: "2020-03-20", subject: "Aggiornamento del Piano degli Obiettivi 2020" }';
const SAME_ACT = '{ kind: GIUNTA_RESOLUTION, number: "512", date: "2020-03-20" }';

interface Change {
  kind: string;
  reason: string;
  effectiveDate: string;
  fromUnit: { code: string } | null;
  toUnit: { code: string } | null;
  oldTitle: string | null;
  newTitle: string | null;
  act: { number: string; date: string };
}
const CHANGE_FIELDS =
  "kind reason effectiveDate fromUnit { code } toUnit { code } oldTitle newTitle act { number date }";

describe.each(testDatabases)("plan changes by act on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  const objectiveId = async (key: string) =>
    (await api.graphql<{ objective: { id: string } }>(`{ objective(key: "${key}") { id } }`)).data!.objective.id;
  const history = async (key: string) =>
    (
      await api.graphql<{ objective: { history: Change[] } }>(
        `{ objective(key: "${key}") { history { ${CHANGE_FIELDS} } } }`,
      )
    ).data!.objective.history;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "admin.dg");
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  it("transfers an objective from the date the act sets, keeping who owned it before", async () => {
    const id = await objectiveId("DIR-EDU-2020-4");
    const { data, errors } = await api.graphql<{ transferObjective: Change }>(
      `mutation { transferObjective(input: { act: ${NEW_ACT}, reason: REORGANISATION, effectiveDate: "2020-04-01", annexPage: 7,
        objectiveId: "${id}", toUnitCode: "TEC" }) { ${CHANGE_FIELDS} } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data!.transferObjective).toEqual({
      kind: "TRANSFERRED",
      reason: "REORGANISATION",
      effectiveDate: "2020-04-01",
      fromUnit: { code: "EDU" },
      toUnit: { code: "TEC" },
      oldTitle: null,
      newTitle: null,
      act: { number: "512", date: "2020-03-20" },
    });
    const owners = await api.graphql<{
      objective: { now: { code: string }; before: { code: string }; after: { code: string } };
    }>(
      '{ objective(key: "DIR-EDU-2020-4") { now: owner { code } before: owner(asOf: "2020-03-31") { code } after: owner(asOf: "2020-04-01") { code } } }',
    );
    expect(owners.data!.objective).toEqual({ now: { code: "TEC" }, before: { code: "EDU" }, after: { code: "TEC" } });
    const education = await api.graphql<{ objectives: { totalCount: number } }>(
      '{ objectives(year: 2020, unitCode: "EDU") { totalCount } }',
    );
    expect(education.data!.objectives.totalCount).toBe(3);
    expect((await history("DIR-EDU-2020-4")).map((c) => c.kind)).toEqual(["CREATED", "UPDATED", "TRANSFERRED"]);
  });

  it("records the act once and lists the change under it like the seeded ones", async () => {
    const { data } = await api.graphql<{
      plan: {
        acts: Array<{
          number: string;
          subject: string;
          effect: string;
          changes: Array<{ kind: string; objective: { key: string } }>;
        }>;
      };
    }>("{ plan { acts { number subject effect changes { kind objective { key } } } } }");
    const act = data!.plan.acts.find((a) => a.number === "512")!;
    expect(act).toEqual({
      number: "512",
      subject: "Aggiornamento del Piano degli Obiettivi 2020",
      effect: "AMENDS_PLAN",
      changes: [{ kind: "TRANSFERRED", objective: { key: "DIR-EDU-2020-4" } }],
    });
  });

  it("creates an objective with the next number of the directorate's list", async () => {
    const { data, errors } = await api.graphql<{
      createObjective: Change & {
        objective: {
          key: string;
          number: number;
          title: string;
          years: number[];
          collaborators: Array<{ code: string }>;
          parent: { key: string };
        };
      };
    }>(
      `mutation { createObjective(input: { act: ${SAME_ACT}, reason: CHANGED_PRIORITIES, level: DIREZIONE, unitCode: "TA", years: [2020],
        title: "Piano Aria e Clima: avvio della consultazione", collaboratorCodes: ["MOB", "URB"], parentKey: "SOL-AMBIENTE" })
        { ${CHANGE_FIELDS} objective { key number title years collaborators { code } parent { key } } } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    const { collaborators, ...objective } = data!.createObjective.objective;
    expect(objective).toEqual({
      key: "DIR-TA-2020-1",
      number: 1,
      title: "Piano Aria e Clima: avvio della consultazione",
      years: [2020],
      parent: { key: "SOL-AMBIENTE" },
    });
    expect(collaborators.map((c) => c.code).sort()).toEqual(["MOB", "URB"]);
    expect(data!.createObjective.kind).toBe("CREATED");
    const units = await api.graphql<{ orgUnit: { objectives: Array<{ title: string }> } }>(
      '{ orgUnit(code: "TA", asOf: "2020-12-31") { objectives(year: 2020) { title } } }',
    );
    expect(units.data!.orgUnit.objectives.map((o) => o.title)).toEqual([
      "Piano Aria e Clima: avvio della consultazione",
    ]);
  });

  it("renames and removes, keeping the old title and the removed objective in the history", async () => {
    const id = await objectiveId("DIR-CULT-2020-5");
    const renamed = await api.graphql(
      `mutation { renameObjective(input: { act: ${SAME_ACT}, reason: FORM_ONLY, objectiveId: "${id}",
      newTitle: "Progettazione e realizzazione del palinsesto culturale 2020" }) { oldTitle newTitle } }`,
      {},
      admin,
    );
    expect(renamed.data).toEqual({
      renameObjective: {
        oldTitle: "Progettazione e realizzazione del palinsesto culturale",
        newTitle: "Progettazione e realizzazione del palinsesto culturale 2020",
      },
    });

    const removed = await api.graphql(
      `mutation { removeObjective(input: { act: ${SAME_ACT}, reason: CHANGED_PRIORITIES, objectiveId: "${id}" }) { kind fromUnit { code } } }`,
      {},
      admin,
    );
    expect(removed.data).toEqual({ removeObjective: { kind: "REMOVED", fromUnit: { code: "CULT" } } });

    const culture = await api.graphql<{ objectives: { totalCount: number } }>(
      '{ objectives(year: 2020, unitCode: "CULT") { totalCount } }',
    );
    expect(culture.data!.objectives.totalCount).toBe(4);
    const gone = await api.graphql<{
      objective: { status: string; title: string; owner: { code: string } | null; then: { code: string } | null };
    }>(
      '{ objective(key: "DIR-CULT-2020-5") { status title owner { code } then: owner(asOf: "2020-03-19") { code } } }',
    );
    expect(gone.data!.objective).toEqual({
      status: "REMOVED",
      title: "Progettazione e realizzazione del palinsesto culturale 2020",
      owner: { code: "CULT" },
      then: { code: "CULT" },
    });
    expect((await history("DIR-CULT-2020-5")).map((c) => c.kind)).toEqual(["CREATED", "RENAMED", "REMOVED"]);
    const onTheDay = await api.graphql<{ objective: { owner: null } }>(
      '{ objective(key: "DIR-CULT-2020-5") { owner(asOf: "2020-03-20") { code } } }',
    );
    expect(onTheDay.data!.objective.owner).toBeNull();
  });

  it("updates the years and collaborators of an objective", async () => {
    const id = await objectiveId("DIR-CASA-2020-2");
    const { errors } = await api.graphql(
      `mutation { updateObjective(input: { act: ${SAME_ACT}, reason: CHANGED_PRIORITIES, objectiveId: "${id}",
      years: [2020, 2021], collaboratorCodes: ["DSIR"], note: "Esteso al 2021" }) { kind note } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    const objective = await api.graphql('{ objective(key: "DIR-CASA-2020-2") { years collaborators { code } } }');
    expect(objective.data).toEqual({ objective: { years: [2020, 2021], collaborators: [{ code: "DSIR" }] } });
  });

  it("audits every change with the caller, before and after", async () => {
    const events = await dataSource.manager.find(AuditEvent, { where: { actor: "admin.dg" }, order: { id: "ASC" } });
    expect(events.map((e) => e.action)).toEqual([
      "ACT_RECORDED",
      "OBJECTIVE_TRANSFERRED",
      "OBJECTIVE_CREATED",
      "OBJECTIVE_RENAMED",
      "OBJECTIVE_REMOVED",
      "OBJECTIVE_UPDATED",
    ]);
    const transfer = events[1];
    expect(transfer.role).toBe("ADMIN");
    const before = JSON.parse(transfer.before!) as { ownerUnitId: number };
    const after = JSON.parse(transfer.after!) as { objective: { ownerUnitId: number } };
    expect(before.ownerUnitId).not.toBe(after.objective.ownerUnitId);
  });

  it.each([
    [
      "an act number known under another date",
      `transferObjective(input: { act: { kind: GIUNTA_RESOLUTION, number: "2187", date: "2019-12-07" }, reason: REORGANISATION, objectiveId: "OBJ", toUnitCode: "TEC" })`,
      /^act\.date: GC-2187-2019 is dated 2019-12-06/,
    ],
    [
      "a new act without its subject",
      `transferObjective(input: { act: { kind: GIUNTA_RESOLUTION, number: "999", date: "2020-05-01" }, reason: REORGANISATION, objectiveId: "OBJ", toUnitCode: "TEC" })`,
      /^act\.subject: /,
    ],
    [
      "a unit that no longer exists on the date",
      `transferObjective(input: { act: ${SAME_ACT}, reason: REORGANISATION, objectiveId: "OBJ", toUnitCode: "MAE" })`,
      /^toUnitCode: Direzione Mobilità, Ambiente ed Energia does not exist on 2020-03-20/,
    ],
    [
      "the unit that owns it already",
      `transferObjective(input: { act: ${SAME_ACT}, reason: REORGANISATION, objectiveId: "OBJ", toUnitCode: "DG" })`,
      /already owns/,
    ],
    [
      "years outside the plan",
      `updateObjective(input: { act: ${SAME_ACT}, reason: CHANGED_PRIORITIES, objectiveId: "OBJ", years: [2025] })`,
      /^years: 2025 outside the plan 2019-2021/,
    ],
  ])("refuses %s, changing nothing", async (_case, mutation, message) => {
    const before = await dataSource.manager.count(AuditEvent);
    const id = await objectiveId("DIR-DG-2020-3");
    const { errors } = await api.graphql(`mutation { ${mutation.replace("OBJ", id)} { id } }`, {}, admin);
    expect(errors?.[0].extensions?.code).toBe("INVALID_INPUT");
    expect(errors![0].message).toMatch(message);
    expect(await dataSource.manager.count(AuditEvent)).toBe(before);
  });
});
