import { SignJWT } from "jose";
import { bearer, GraphQLResponse, TEST_JWT_SECRET } from "../support/api";

/** One hostile request, and what a sound server answers it with. */
export interface Probe {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: () => Promise<Record<string, string>>;
  /**
   * Refused as a whole or in part with one of these codes and an HTTP status below 500; or answered
   * as the check says; or answered without errors exactly as another query is.
   */
  expect:
    | { codes: string[]; status?: number; message?: RegExp }
    | { answered: (response: GraphQLResponse<unknown>) => boolean }
    | { sameAs: string };
  /** Runs against the server with API_ACCESS=private. */
  private?: boolean;
}

const token = (claims: Record<string, unknown>, secret = TEST_JWT_SECRET) =>
  new SignJWT({ roles: ["UNIT_MANAGER"], ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("mallory")
    .setIssuer("traguardo")
    .setAudience("traguardo-api")
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(secret));

const auth = (value: () => Promise<string>) => async () => ({ authorization: await value() });
const admin = () => bearer(["ADMIN"]);
const viewer = () => bearer(["VIEWER"], [], "cruscotto");
const refused = (status: number, ...codes: string[]) => ({ codes, status });

const days = (count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10));
const hundredFields = Array.from({ length: 100 }, (_, i) => `f${i}: title`).join(" ");
const fragmentChain = (levels: number) =>
  Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment L${i} on Objective { title }`
      : `fragment L${i} on Objective { a: owner { name } ...L${i + 1} b: parent { ...L${i + 1} } }`,
  ).join(" ");

export const PROBES: Probe[] = [
  // Authentication
  {
    name: "forged token",
    query: "{ plan { title } }",
    headers: auth(async () => `Bearer ${await token({}, "another-secret-of-the-length-needed-0")}`),
    expect: refused(401, "UNAUTHENTICATED"),
  },
  {
    name: "Basic credentials",
    query: "{ plan { title } }",
    headers: () => Promise.resolve({ authorization: "Basic YWRtaW46YWRtaW4=" }),
    expect: refused(401, "UNAUTHENTICATED"),
  },
  {
    name: "impossible grant date EDU:2019-13-45",
    query: "{ plan { title } }",
    headers: auth(async () => `Bearer ${await token({ units: ["EDU:2019-13-45"] })}`),
    expect: refused(401, "UNAUTHENTICATED"),
  },
  {
    name: "private API, anonymous __typename",
    query: "{ __typename }",
    private: true,
    expect: refused(401, "UNAUTHENTICATED"),
  },
  {
    name: "private API, anonymous introspection",
    query: '{ __type(name: "Employee") { name fields { name } } }',
    private: true,
    expect: refused(401, "UNAUTHENTICATED"),
  },
  {
    name: "private API, anonymous __schema",
    query: "{ __schema { queryType { name } } }",
    private: true,
    expect: refused(401, "UNAUTHENTICATED"),
  },

  // Query abuse
  {
    name: "fragment cycle A → B → A",
    query: "{ ...A } fragment A on Query { plan { title } ...B } fragment B on Query { ...A }",
    expect: refused(400, "GRAPHQL_VALIDATION_FAILED"),
  },
  {
    name: "self-spreading fragment",
    query: '{ objective(id: "1") { ...S } } fragment S on Objective { title ...S }',
    expect: refused(400, "GRAPHQL_VALIDATION_FAILED"),
  },
  {
    name: "101 spreads of a 100-field fragment",
    query: `{ ${Array.from({ length: 101 }, (_, i) => `o${i}: objectives(first: 500) { nodes { ...F } }`).join(" ")} } fragment F on Objective { ${hundredFields} }`,
    expect: refused(400, "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COSTLY"),
  },
  {
    name: "a chain of 40 fragments each spreading the next twice",
    query: `{ objective(id: "1") { ...L0 } } ${fragmentChain(40)}`,
    expect: refused(400, "GRAPHQL_VALIDATION_FAILED"),
  },
  {
    name: "1000 aliases of attainment, a different asOf each",
    query: `{ orgUnits { ${days(1000)
      .map((d, i) => `a${i}: attainment(year: 2019, asOf: "${d}") { score }`)
      .join(" ")} } }`,
    expect: refused(400, "GRAPHQL_VALIDATION_FAILED"),
  },
  {
    name: "15 aliases of attainment over every unit, a different asOf each",
    query: `{ orgUnits { ${days(15)
      .map((d, i) => `a${i}: attainment(year: 2019, asOf: "${d}") { score }`)
      .join(" ")} } }`,
    expect: refused(400, "QUERY_TOO_COSTLY"),
  },
  {
    name: "100 aliases of eligibility as PAYROLL",
    query: `{ ${Array.from({ length: 100 }, (_, i) => `e${i}: eligibility(year: 2019) { totalCount }`).join(" ")} }`,
    headers: () => bearer(["PAYROLL"]),
    expect: refused(400, "GRAPHQL_VALIDATION_FAILED"),
  },
  {
    name: "11 levels deep",
    query: `{ objective(id: "1") { ${"parent { ".repeat(11)}title${" }".repeat(11)} } }`,
    expect: refused(400, "GRAPHQL_VALIDATION_FAILED"),
  },
  {
    name: "a variable that does not coerce",
    query: "query ($first: Int) { objectives(first: $first) { totalCount } }",
    variables: { first: "many" },
    expect: refused(400, "BAD_USER_INPUT"),
  },

  // Values
  {
    name: "asOf 0001-01-01",
    query: '{ attainment(year: 2019, asOf: "0001-01-01") { gate { open } } }',
    expect: refused(400, "INVALID_INPUT"),
  },
  {
    name: "asOf 9999-12-31 as a variable",
    query: "query ($d: LocalDate) { attainment(year: 2019, asOf: $d) { gate { open } } }",
    variables: { d: "9999-12-31" },
    expect: refused(400, "INVALID_INPUT"),
  },
  {
    name: "attainment for 2025",
    query: "{ attainment(year: 2025) { gate { open } } }",
    expect: { codes: ["INVALID_INPUT"] },
  },
  {
    name: "objectives of 1999",
    query: "{ objectives(year: 1999) { totalCount } }",
    expect: { codes: ["INVALID_INPUT"] },
  },
  {
    name: "runJob piano-quartieri for a quarter",
    query: 'mutation { runJob(jobKey: "piano-quartieri", period: "2020-Q1") { id } }',
    headers: admin,
    expect: { codes: ["INVALID_INPUT"] },
  },
  {
    name: "runJob crm-response for 2018-Q4",
    query: 'mutation { runJob(jobKey: "crm-response", period: "2018-Q4") { id } }',
    headers: admin,
    expect: { codes: ["INVALID_INPUT"] },
  },
  {
    name: "runJob for period 0000",
    query: 'mutation { runJob(jobKey: "crm-response", period: "0000") { id } }',
    headers: admin,
    expect: { codes: ["INVALID_INPUT"] },
  },

  // Incentive rules: an object validated key by key, the key path named
  ...[
    ['rules: "ALL"', "ALL", /^rules: deve essere un oggetto/],
    ["rules: [1, 2]", [1, 2], /^rules: deve essere un oggetto/],
    [
      "differentiation.uplift 50 (a typo for 0.50)",
      { differentiation: { quota: 0.1, uplift: 50 } },
      /^rules\.differentiation\.uplift:/,
    ],
    [
      "differentiation.uplift 1e308",
      { differentiation: { quota: 0.1, uplift: 1e308 } },
      /^rules\.differentiation\.uplift:/,
    ],
    ["an unknown rule key", { treshold: 0.5 }, /^rules\.treshold: non è una chiave delle regole/],
  ].map(([what, rules, message]): Probe => ({
    name: `setIncentiveRules with ${what as string}`,
    query: 'mutation($rules: JSON!) { setIncentiveRules(year: 2020, actKey: "GC-3-2020", rules: $rules) { version } }',
    variables: { rules },
    headers: admin,
    expect: { codes: ["INVALID_INPUT"], message: message as RegExp },
  })),

  // The people import: row-level refusals naming file, line and column, nothing imported
  ...[
    [
      "a matricola twice",
      { e: "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\nS1;Paolo Rossi;PO\n" },
      /employees line 3: matricola:/,
    ],
    [
      "a row with an extra column",
      { e: "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE;X\n" },
      /employees line 2: colonna 4:/,
    ],
    [
      "a comma-separated file with a decimal comma",
      {
        e: "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\n",
        a: "matricola,unita,dal,al,quota\nS1,EDU,01/01/2019,,0,5\n",
      },
      /assignments line 2: colonna 6:/,
    ],
    [
      "the year 2018,5",
      { e: "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\n", s: "matricola;anno;punteggio\nS1;2018,5;80\n" },
      /assessments line 2: anno:/,
    ],
    [
      "an assignment row twice",
      {
        e: "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\n",
        a: "matricola;unita;dal\nS1;EDU;01/01/2019\nS1;EDU;01/01/2019\n",
      },
      /assignments line 3: dal:/,
    ],
  ].map(([what, files, message]): Probe => ({
    name: `importPeople with ${what as string}`,
    query:
      "mutation($e: String, $a: String, $s: String) { importPeople(employees: $e, assignments: $a, assessments: $s) }",
    variables: files as Record<string, string>,
    headers: admin,
    expect: { codes: ["INVALID_INPUT"], message: message as RegExp },
  })),

  // Strings longer than their column, refused at the edge with the field named, on both databases
  {
    name: "an objective title of 47,000 characters",
    query: `mutation { createObjective(input: { act: { kind: GIUNTA_RESOLUTION, number: "2187", date: "2019-12-06" }, reason: CHANGED_PRIORITIES, level: DIREZIONE, unitCode: "EDU", years: [2020], title: "${"x".repeat(47_000)}" }) { id } }`,
    headers: admin,
    expect: { codes: ["INVALID_INPUT"], message: /\btitle\b/ },
  },
  {
    name: "a heading of 300 characters in a varchar(200)",
    query: `mutation { createObjective(input: { act: { kind: GIUNTA_RESOLUTION, number: "2187", date: "2019-12-06" }, reason: CHANGED_PRIORITIES, level: DIREZIONE, unitCode: "EDU", years: [2020], title: "Nuovo", heading: "${"h".repeat(300)}" }) { id } }`,
    headers: admin,
    expect: { codes: ["INVALID_INPUT"], message: /\bheading\b/ },
  },
  {
    name: "a correction reason of 5,000 characters",
    query: `mutation { correctMeasurement(input: { measurementId: "1", value: "1", reason: "${"r".repeat(5_000)}" }) { id } }`,
    headers: admin,
    expect: { codes: ["INVALID_INPUT"], message: /\breason\b/ },
  },

  // Explicit nulls mean "no filter": the same answer as leaving the argument out
  ...[
    [
      '{ measurements(kpiCode: "SAL-CRM-CONTATTI", unitCode: null) { id } }',
      '{ measurements(kpiCode: "SAL-CRM-CONTATTI") { id } }',
    ],
    ["{ objectives(unitName: null) { totalCount } }", "{ objectives { totalCount } }"],
    ["{ objectives(unitCode: null, year: null) { totalCount } }", "{ objectives { totalCount } }"],
    ["{ auditEvents(entityType: null) { totalCount } }", "{ auditEvents { totalCount } }"],
    ["{ jobRuns(jobKey: null) { totalCount } }", "{ jobRuns { totalCount } }"],
    ["{ eligibility(year: 2019, employeeCode: null) { totalCount } }", "{ eligibility(year: 2019) { totalCount } }"],
  ].map(([query, sameAs]): Probe => ({ name: `null argument: ${query}`, query, headers: admin, expect: { sameAs } })),

  // Who did what, as a dashboard sees it
  {
    name: "a VIEWER reads who recorded a value",
    query: '{ measurements(kpiCode: "SAL-CRM-CONTATTI") { recordedBy } }',
    headers: viewer,
    expect: { answered: (r) => JSON.stringify(r.data) === '{"measurements":[{"recordedBy":"UNIT_MANAGER | ADMIN"}]}' },
  },
  {
    name: "an anonymous caller reads who recorded a value",
    query: '{ measurements(kpiCode: "SAL-CRM-CONTATTI") { recordedBy } }',
    expect: { answered: (r) => JSON.stringify(r.data) === '{"measurements":[{"recordedBy":"UNIT_MANAGER | ADMIN"}]}' },
  },
];
