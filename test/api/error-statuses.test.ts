import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

describe.each(testDatabases)("domain errors over HTTP on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("answers a request refused before it runs (a bad token) with 401, never a 5xx", async () => {
    const response = await api.graphql("{ plan { title } }", {}, { authorization: "Bearer abc.def.ghi" });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].message).toMatch(/^Not authenticated: the token was refused/);
    expect(response.errors![0].extensions).toEqual({ code: "UNAUTHENTICATED" });
  });

  it("answers a refusal met while running with 200 beside the data that resolved, with its code and details", async () => {
    const response = await api.graphql('{ plan { title } objective(id: "1", key: "SOL-SOLIDALE") { title } }');
    expect(response).toEqual({
      status: 200,
      data: { plan: { title: "Piano degli Obiettivi 2019-2021" }, objective: null },
      errors: [
        {
          message: "id: give either id or key, not both or neither",
          locations: [{ line: 1, column: 18 }],
          path: ["objective"],
          extensions: { code: "INVALID_INPUT", field: "id" },
        },
      ],
    });
    const refused = await api.graphql("{ eligibility(year: 2019) { totalCount } }", {}, await bearer(["VIEWER"]));
    expect(refused.status).toBe(200);
    expect(refused.errors?.[0].extensions).toEqual({
      code: "FORBIDDEN",
      requiredRoles: ["ADMIN", "PAYROLL", "EVALUATION_BOARD", "UNIT_MANAGER"],
    });
  });
});
