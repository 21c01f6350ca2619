import { SignJWT } from "jose";
import { DataSource } from "typeorm";
import { entities } from "../../entities";
import { bearer, RunningApi, startApi, TEST_JWT_SECRET } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const INJECTION = "'; DROP TABLE objective; --";

describe.each(testDatabases)("hostile input on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let rowsBefore: number[];

  const rowCounts = () => Promise.all(entities.map((entity) => dataSource.manager.count(entity)));

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    rowsBefore = await rowCounts();
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });
  afterEach(async () => {
    // Whatever was sent, the server still answers and nothing was written.
    expect((await api.graphql("{ plan { title } }")).data).toEqual({
      plan: { title: "Piano degli Obiettivi 2019-2021" },
    });
    expect(await rowCounts()).toEqual(rowsBefore);
  });

  it("refuses an over-deep query before running it", async () => {
    const nesting = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? "parent" : "children"));
    const deep = `{ objective(id: "100") { ${nesting.join(" { ")} { title ${"} ".repeat(nesting.length)}} }`;
    const { errors } = await api.graphql(deep);
    expect(errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(errors![0].message).toMatch(/exceeds the maximum depth of 10 nested fields/);
  });

  it("refuses an over-wide query by its estimated cost, and lets the largest dashboard query through", async () => {
    const wide =
      "{ orgUnits { objectives(year: 2019) { collaborators { collaborations { collaborators { collaborations { title } } } } } } }";
    const { errors } = await api.graphql(wide);
    expect(errors?.[0].extensions?.code).toBe("QUERY_TOO_COSTLY");
    expect(errors![0].message).toMatch(/exceeds the limit of 200000/);

    const dashboard = `{ orgUnits(asOf: "2019-12-31") { name head { name } objectives(year: 2019) { number title owner { name }
      collaborators { name } kpis { name targets { year value } } history { kind act { number } } } } }`;
    expect((await api.graphql(dashboard)).errors).toBeUndefined();
  });

  it("caps page sizes", async () => {
    const { errors } = await api.graphql("{ objectives(first: 1000000) { totalCount } }");
    expect(errors?.[0]).toMatchObject({
      message: "first: must be between 1 and 500",
      extensions: { code: "INVALID_INPUT" },
    });
  });

  it.each([
    ['{ objective(id: "abc") { title } }', /^id: /],
    ['{ objective(id: "-5") { title } }', /^id: /],
    ['{ objective(key: "dir edu") { title } }', /key must be an objective key/],
    ['{ orgUnits(asOf: "2019-02-30") { name } }', /LocalDate/],
    ['{ orgUnits(asOf: "yesterday") { name } }', /LocalDate/],
    ["{ objectives(year: 20190) { totalCount } }", /year/],
  ])("answers a malformed id, key, date or year with an error naming it: %s", async (query, message) => {
    const { errors } = await api.graphql(query);
    expect(errors?.[0].message).toMatch(message);
    expect(["INVALID_INPUT", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]).toContain(errors![0].extensions?.code);
  });

  it.each([
    ["plan(code:)", `{ plan(code: ${JSON.stringify(INJECTION)}) { title } }`],
    ["objectives(unitName:)", `{ objectives(unitName: ${JSON.stringify(INJECTION)}) { totalCount } }`],
    ["objectives(unitCode:)", `{ objectives(unitCode: ${JSON.stringify(INJECTION)}) { totalCount } }`],
    ["objectives(after:)", `{ objectives(after: ${JSON.stringify(INJECTION)}) { totalCount } }`],
    ["objective(key:)", `{ objective(key: ${JSON.stringify(INJECTION)}) { title } }`],
    ["orgUnit(code:)", `{ orgUnit(code: ${JSON.stringify(INJECTION)}) { name } }`],
    ["measurements(kpiCode:)", `{ measurements(kpiCode: ${JSON.stringify(INJECTION)}) { id } }`],
    ["auditEvents(entityId:)", `{ auditEvents(entityId: ${JSON.stringify(INJECTION)}) { totalCount } }`],
  ])("treats SQL metacharacters in %s as plain text", async (_argument, query) => {
    const { data, errors } = await api.graphql(query, {}, await bearer(["ADMIN"]));
    // Either a clear refusal of the value, or an honest "nothing matches": never SQL at work.
    if (errors) {
      expect(["INVALID_INPUT", "NOT_FOUND"]).toContain(errors[0].extensions?.code);
      expect(errors[0].message).not.toMatch(/syntax|SQL|sqlite|mysql/i);
    } else {
      expect(JSON.stringify(data)).toMatch(/"totalCount":0|null/);
    }
  });

  it("refuses a body over the size limit with a JSON error", async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ plan { title } } # ${"x".repeat(200_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        { message: "Request body too large: the limit is 102400 bytes", extensions: { code: "PAYLOAD_TOO_LARGE" } },
      ],
    });
  });

  it("refuses a body that is not JSON without a stack trace", async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("refuses a cross-site form post (CSRF prevention)", async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent("{ plan { title } }")}`, {
      method: "GET",
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ["expired", async () => sign({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ["forged", async () => sign({}, "a-completely-different-secret-of-length")],
    ["signed with another algorithm", async () => sign({}, TEST_JWT_SECRET, "HS384")],
    [
      "unsigned (alg none)",
      () =>
        `${b64({ alg: "none" })}.${b64({ sub: "mallory", roles: ["ADMIN"], iss: "traguardo", aud: "traguardo-api", exp: 9999999999 })}.`,
    ],
  ])("refuses a token that is %s", async (_kind, token) => {
    const { errors } = await api.graphql(
      'mutation { removeObjective(input: { act: { kind: GIUNTA_RESOLUTION, number: "2187", date: "2019-12-06" }, reason: CHANGED_PRIORITIES, objectiveId: "100" }) { id } }',
      {},
      { authorization: `Bearer ${await token()}` },
    );
    expect(errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

function sign(claims: Record<string, unknown>, secret = TEST_JWT_SECRET, alg = "HS256"): Promise<string> {
  return new SignJWT({ roles: ["ADMIN"], ...claims })
    .setProtectedHeader({ alg })
    .setSubject("mallory")
    .setIssuer("traguardo")
    .setAudience("traguardo-api")
    .setExpirationTime((claims.exp as number | undefined) ?? "5m")
    .sign(new TextEncoder().encode(secret));
}
