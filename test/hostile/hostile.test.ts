import { DataSource } from "typeorm";
import { bearer, GraphQLResponse, RunningApi, startApi } from "../support/api";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";
import { Probe, PROBES } from "./probes";

/** A simple query sent beside each probe must still be answered within this. */
const RESPONSIVE_MS = 3_000;

interface Outcome {
  probe: string;
  problem: string | null;
  simpleQueryMs: number;
}

describe.each(testDatabases)("the hostile corpus on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let privateApi: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    privateApi = await startApi(dataSource, { API_ACCESS: "private" });
    // One value recorded by a named person, for the probes that ask who recorded it.
    const recorded = await api.graphql(
      'mutation { recordMeasurement(input: { kpiCode: "SAL-CRM-CONTATTI", year: 2019, periodKind: QUARTER, periodIndex: 4, unitCode: "SCPS", value: "182000" }) { id } }',
      {},
      await bearer(["ADMIN"], [], "hostile-admin"),
    );
    expect(recorded.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.close();
    await privateApi?.close();
    await db.close(dataSource);
  });

  it("answers every probe with a clear coded error (or its honest answer), the database unchanged and the server responsive", async () => {
    const outcomes: Outcome[] = [];
    for (const probe of PROBES) outcomes.push(await send(probe));

    const failed = outcomes.filter((o) => o.problem !== null);
    const slowest = Math.max(...outcomes.map((o) => o.simpleQueryMs));
    console.log(
      [
        `hostile corpus on ${db.name}: ${outcomes.length} probes tried, ` +
          `${outcomes.length - failed.length} answered with a clear coded error (or their honest answer) and the database unchanged, ` +
          `${failed.length} not; a simple query beside them took at most ${slowest} ms`,
        ...failed.map((o) => `  NOT OK ${o.probe}: ${o.problem}`),
      ].join("\n"),
    );
    expect(failed).toEqual([]);
  });

  async function send(probe: Probe): Promise<Outcome> {
    const before = await tableCounts(dataSource);
    const target = probe.private ? privateApi : api;
    const headers = (await probe.headers?.()) ?? {};
    const started = performance.now();
    const [response, simpleQueryMs] = await Promise.all([
      target.graphql(probe.query, probe.variables, headers),
      api.graphql("{ plan { title } }").then(() => Math.round(performance.now() - started)),
    ]);
    const expected = "sameAs" in probe.expect ? await target.graphql(probe.expect.sameAs, {}, headers) : undefined;
    const problem = problemWith(probe, response, expected) ?? (await changes(before)) ?? slow(simpleQueryMs);
    return { probe: probe.name, problem, simpleQueryMs };
  }

  async function changes(before: Record<string, number>): Promise<string | null> {
    const after = await tableCounts(dataSource);
    const changed = Object.keys(after).filter((entity) => after[entity] !== before[entity]);
    return changed.length ? `the database changed: ${changed.join(", ")}` : null;
  }
});

function slow(ms: number): string | null {
  return ms > RESPONSIVE_MS ? `a simple query beside it took ${ms} ms` : null;
}

function problemWith(
  probe: Probe,
  response: GraphQLResponse<unknown>,
  expected: GraphQLResponse<unknown> | undefined,
): string | null {
  const summary = `${response.status} ${JSON.stringify(response.errors ?? response.data).slice(0, 200)}`;
  if (response.status >= 500) return `answered ${summary}`;
  if ("sameAs" in probe.expect) {
    const same = !response.errors && JSON.stringify(response.data) === JSON.stringify(expected?.data);
    return same ? null : `answered ${summary}, not as ${probe.expect.sameAs}`;
  }
  if ("answered" in probe.expect) return probe.expect.answered(response) ? null : `answered ${summary}`;
  const error = response.errors?.[0];
  if (!error) return `not refused: ${summary}`;
  if (!probe.expect.codes.includes(error.extensions?.code ?? "")) return `refused with another code: ${summary}`;
  if (probe.expect.status !== undefined && response.status !== probe.expect.status) return `status: ${summary}`;
  if (probe.expect.message && !probe.expect.message.test(error.message))
    return `message names another field: ${summary}`;
  if (/Internal server error|SQL|sqlite|mysql|\bat \w+ \(/i.test(error.message)) return `unclear message: ${summary}`;
  return null;
}
