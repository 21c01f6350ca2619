import { DataSource } from "typeorm";
import { loadConfig } from "../../src/config";
import { CSRF_REFUSAL } from "../../src/http/format-error";
import { RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const DASHBOARD = "https://cruscotto.comune.example";
const QUERY = encodeURIComponent("{ plan { title } }");

// Only the HTTP layer is at stake: one database is enough.
const db = testDatabases[0];

describe("browsers and GET requests", () => {
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource, { CORS_ORIGINS: `${DASHBOARD}, http://localhost:3000` });
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("answers the preflight of a listed origin, naming the headers a dashboard sends", async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: DASHBOARD,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization.*content-type/);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
  });

  it("lets a listed origin read a POST's answer, and gives any other origin no CORS header", async () => {
    const post = (origin: string) =>
      fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ plan { title } }" }),
      });
    expect((await post(DASHBOARD)).headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    const other = await post("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${api.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("keeps CSRF prevention: a GET without a preflight header is refused, saying what to send", async () => {
    const refused = await fetch(`${api.url}/graphql?query=${QUERY}`, { headers: { origin: DASHBOARD } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: [{ message: CSRF_REFUSAL, extensions: { code: "BAD_REQUEST" } }] });
    expect(CSRF_REFUSAL).toMatch(/apollo-require-preflight: true.*content-type: application\/json/);

    const allowed = await fetch(`${api.url}/graphql?query=${QUERY}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { plan: { title: "Piano degli Obiettivi 2019-2021" } } });
  });

  it("allows no origin by default, and stops at start on an origin that is not one", () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: "cruscotto.example/app" })).toThrow(
      /^Invalid configuration: CORS_ORIGINS: /,
    );
  });
});
