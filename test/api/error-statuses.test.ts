import { DataSource } from "typeorm";
import { DomainError, ErrorCode } from "../../src/errors";
import { HTTP_STATUS, refuseRequest } from "../../src/http/format-error";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

describe("the HTTP status of every domain error code", () => {
  // A client's error is a 4xx; the one fault of the server, a 5xx.
  it.each(Object.values(ErrorCode))(
    "%s refused before running is a 4xx, or 503 when the server is at fault",
    (code) => {
      if (code === ErrorCode.SERVICE_UNAVAILABLE) expect(HTTP_STATUS[code]).toBe(503);
      else {
        expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
        expect(HTTP_STATUS[code]).toBeLessThan(500);
      }
      let thrown: unknown;
      try {
        refuseRequest(new DomainError(code, "refused"));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ extensions: { code, http: { status: HTTP_STATUS[code] } } });
    },
  );
});

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

  it.each([
    ["a malformed bearer token", "Bearer abc.def.ghi"],
    ["a forged token", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl"],
    ["Basic credentials", "Basic YWRtaW46YWRtaW4="],
  ])("answers %s with 401 and WWW-Authenticate: Bearer", async (_kind, authorization) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query: "{ plan { title } }" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(((await response.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions).toEqual({
      code: "UNAUTHENTICATED",
    });
  });

  it.each([
    ["GRAPHQL_PARSE_FAILED", 400, "{ plan { title }"],
    ["GRAPHQL_VALIDATION_FAILED", 400, "{ plan { nonsense } }"],
    ["GRAPHQL_VALIDATION_FAILED", 400, "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"],
    ["GRAPHQL_VALIDATION_FAILED", 400, "{ ...A } fragment A on Query { plan { title } ...A }"],
    ["BAD_USER_INPUT", 400, "query ($y: Int!) { objectives(year: $y) { totalCount } }"],
    [
      "QUERY_TOO_COSTLY",
      400,
      "{ orgUnits { objectives(year: 2019) { collaborators { collaborations { collaborators { collaborations { title } } } } } } }",
    ],
  ])("answers a request refused as a whole with %s with %i, never a 5xx", async (code, status, query) => {
    const response = await api.graphql(query);
    expect(response.status).toBe(status);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].extensions?.code).toBe(code);
  });

  it("names the operation over the depth limit, or says the query", async () => {
    const deep =
      '{ a: objective(id: "1") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { title } } } } } } } } } } } }';
    const anonymous = await api.graphql(deep);
    expect(anonymous.status).toBe(400);
    expect(anonymous.errors?.[0].message).toBe("The query exceeds the maximum depth of 10 nested fields");
    const named = await api.graphql(`query Albero ${deep}`);
    expect(named.errors?.[0].message).toBe("The operation 'Albero' exceeds the maximum depth of 10 nested fields");
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
