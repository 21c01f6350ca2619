import { DataSource } from "typeorm";
import { AuditEvent } from "../../entities/audit-event.entity";
import { Measurement } from "../../entities/measurement.entity";
import { PlanChange } from "../../entities/plan-change.entity";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const ACT = '{ kind: GIUNTA_RESOLUTION, number: "900", date: "2020-02-10", subject: "Test amendment" }';

const CALLERS = ["anonymous", "VIEWER", "UNIT_MANAGER", "EVALUATION_BOARD", "PAYROLL", "ADMIN"];

/**
 * Each operation that writes or is restricted, with the roles that may call it (in the order the
 * refusal names them). Writes differ per caller (quarter, title) so that every allowed call is a
 * new write, not a repeat.
 */
const OPERATIONS: Array<{
  name: string;
  allowed: string[];
  query: (caller: string, dataSource: DataSource) => string | Promise<string>;
}> = [
  { name: "plan (read)", allowed: CALLERS, query: () => "{ plan { title } }" },
  {
    name: "objectives (read)",
    allowed: CALLERS,
    query: () => '{ objectives(level: DIREZIONE, unitCode: "EDU") { totalCount } }',
  },
  {
    name: "auditEvents",
    allowed: ["ADMIN", "EVALUATION_BOARD"],
    query: () => "{ auditEvents(first: 1) { totalCount } }",
  },
  {
    name: "recordMeasurement",
    allowed: ["UNIT_MANAGER", "ADMIN"],
    query: (caller) =>
      `mutation { recordMeasurement(input: { kpiCode: "SAL-CRM-CONTATTI", year: 2019, periodKind: QUARTER, periodIndex: ${(CALLERS.indexOf(caller) % 4) + 1}, unitCode: "SCPS", value: "1000" }) { id } }`,
  },
  {
    name: "correctMeasurement",
    allowed: ["UNIT_MANAGER", "ADMIN"],
    query: async (caller, dataSource) => {
      // The value in force for SCPS, whichever caller corrected it last.
      const [{ id }] = await dataSource.query<Array<{ id: number }>>(
        "SELECT m.id FROM measurement m LEFT JOIN measurement l ON l.supersedesId = m.id WHERE l.id IS NULL ORDER BY m.id LIMIT 1",
      );
      return `mutation { correctMeasurement(input: { measurementId: "${id}", value: "999", reason: "Correzione di ${caller}" }) { id } }`;
    },
  },
  {
    name: "createObjective",
    allowed: ["ADMIN"],
    query: (caller) =>
      `mutation { createObjective(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, level: DIREZIONE, unitCode: "CULT", years: [2020], title: "Obiettivo di prova di ${caller}" }) { id } }`,
  },
  {
    name: "transferObjective",
    allowed: ["ADMIN"],
    query: () =>
      `mutation { transferObjective(input: { act: ${ACT}, reason: REORGANISATION, objectiveId: "301", toUnitCode: "CULT" }) { id } }`,
  },
  {
    name: "renameObjective",
    allowed: ["ADMIN"],
    query: (caller) =>
      `mutation { renameObjective(input: { act: ${ACT}, reason: FORM_ONLY, objectiveId: "300", newTitle: "Titolo rivisto da ${caller}" }) { id } }`,
  },
  {
    name: "updateObjective",
    allowed: ["ADMIN"],
    query: () =>
      `mutation { updateObjective(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveId: "302", years: [2020, 2021] }) { id } }`,
  },
  {
    name: "removeObjective",
    allowed: ["ADMIN"],
    query: () =>
      `mutation { removeObjective(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveId: "303" }) { id } }`,
  },
];

describe.each(testDatabases)("access control on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let privateApi: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    privateApi = await startApi(dataSource, { API_ACCESS: "private" });
  });
  afterAll(async () => {
    await api?.close();
    await privateApi?.close();
    await db.close(dataSource);
  });

  const writes = async () => Promise.all([AuditEvent, Measurement, PlanChange].map((e) => dataSource.manager.count(e)));
  const headersFor = (caller: string) =>
    caller === "anonymous"
      ? Promise.resolve({})
      : bearer([caller], caller === "UNIT_MANAGER" ? ["SCPS"] : [], caller.toLowerCase());

  it.each(OPERATIONS.flatMap((op) => CALLERS.map((caller) => ({ op, caller }))))(
    "$op.name as $caller",
    async ({ op, caller }) => {
      const before = await writes();
      const { data, errors } = await api.graphql(await op.query(caller, dataSource), {}, await headersFor(caller));
      if (op.allowed.includes(caller)) {
        expect(errors).toBeUndefined();
        expect(data).toBeTruthy();
      } else {
        expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
        expect(errors![0].message).toMatch(new RegExp(`needs the role ${op.allowed.join(" or ")}`));
        expect(await writes()).toEqual(before);
      }
    },
  );

  it("can close introspection and the explorer for production", async () => {
    const closed = await startApi(dataSource, { GRAPHQL_INTROSPECTION: "off", GRAPHQL_EXPLORER: "off" });
    try {
      const { errors } = await closed.graphql("{ __schema { types { name } } }");
      expect(errors?.[0].message).toMatch(/introspection/i);
      expect((await fetch(`${closed.url}/explorer`)).status).toBe(404);
      expect((await closed.graphql("{ plan { title } }")).data).toBeTruthy();
    } finally {
      await closed.close();
    }
  });

  it("keeps a private API closed to anonymous callers and open to any role", async () => {
    const anonymous = await privateApi.graphql("{ plan { title } }");
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const viewer = await privateApi.graphql("{ plan { title } }", {}, await bearer(["VIEWER"]));
    expect(viewer.data).toEqual({ plan: { title: "Piano degli Obiettivi 2019-2021" } });
  });

  describe("a unit manager", () => {
    const record = (unitCode: string, year: number, quarter: number, value = "10") =>
      `mutation { recordMeasurement(input: { kpiCode: "SAL-CRM-CONTATTI", year: ${year}, periodKind: QUARTER, periodIndex: ${quarter}, unitCode: "${unitCode}", value: "${value}" }) { id orgUnit { code } recordedBy } }`;

    it("records for their own unit", async () => {
      const { data, errors } = await api.graphql(
        record("EDU", 2019, 1),
        {},
        await bearer(["UNIT_MANAGER"], ["EDU"], "l.draisci"),
      );
      expect(errors).toBeUndefined();
      expect(data).toMatchObject({ recordMeasurement: { orgUnit: { code: "EDU" }, recordedBy: "l.draisci" } });
    });

    it("cannot record for a sibling unit", async () => {
      const { errors } = await api.graphql(record("CULT", 2019, 1), {}, await bearer(["UNIT_MANAGER"], ["EDU"]));
      expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(errors![0].message).toMatch(/Direzione Cultura/);
    });

    it("cannot record for a date before the unit was theirs", async () => {
      const headers = await bearer(["UNIT_MANAGER"], ["EDU:2020-01-01"]);
      expect((await api.graphql(record("EDU", 2019, 4), {}, headers)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect((await api.graphql(record("EDU", 2020, 1), {}, headers)).errors).toBeUndefined();
    });

    it("records for a unit under theirs, but only from the day it was under it", async () => {
      const headers = await bearer(["UNIT_MANAGER"], ["DO"]);
      expect((await api.graphql(record("DSIR", 2019, 4), {}, headers)).errors).toBeUndefined();
      const before = await api.graphql(record("DSIR", 2019, 2), {}, headers);
      expect(before.errors?.[0].extensions?.code).toBe("INVALID_INPUT");
      expect(before.errors![0].message).toMatch(/did not exist in 2019-Q2/);
    });

    it("cannot record for the administration as a whole", async () => {
      const { errors } = await api.graphql(
        'mutation { recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "72" }) { id } }',
        {},
        await bearer(["UNIT_MANAGER"], ["DG"]),
      );
      expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
    });
  });
});
