import { DataSource } from "typeorm";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, tableCounts, testDatabases } from "../support/databases";

describe.each(testDatabases)("years, dates, periods and null arguments at the edge on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"]);
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it.each([
    ["{ attainment(year: 2025) { gate { open } } }", "year: 2025"],
    ["{ objectives(year: 1999) { totalCount } }", "year: 1999"],
    ['{ orgUnit(code: "EDU") { objectives(year: 2018) { title } } }', "year: 2018"],
    ['{ orgUnit(code: "EDU") { attainment(year: 2022) { score } } }', "year: 2022"],
  ])("refuses a year outside the plan, naming the plan's years: %s", async (query, start) => {
    const { errors } = await api.graphql(query);
    expect(errors?.[0].message).toBe(`${start} is outside the plan's years (2019-2021)`);
    expect(errors?.[0].extensions).toEqual({
      code: "INVALID_INPUT",
      field: "year",
      planYears: { first: 2019, last: 2021 },
    });
  });

  it.each([
    [
      '{ orgUnits(asOf: "yesterday") { name } }',
      /^LocalDate: "yesterday" is not a calendar date in the format YYYY-MM-DD/,
    ],
    ['{ orgUnits(asOf: "2019-02-30") { name } }', /^LocalDate: "2019-02-30" is not a calendar date/],
    ['{ attainment(year: 2019, asOf: "0001-01-01") { gate { open } } }', /^LocalDate: 0001-01-01 is outside the dates/],
    ['{ attainment(year: 2019, asOf: "9999-12-31") { gate { open } } }', /^LocalDate: 9999-12-31 is outside the dates/],
  ])(
    "refuses a date that is not one, or out of range, as INVALID_INPUT with the format: %s",
    async (query, message) => {
      const response = await api.graphql(query);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].message).toMatch(message);
      expect(response.errors?.[0].extensions?.code).toBe("INVALID_INPUT");
    },
  );

  it("refuses up front a job run for a period its job cannot measure, recording no run", async () => {
    const before = await tableCounts(dataSource);
    const quarter = await api.graphql(
      'mutation { runJob(jobKey: "piano-quartieri", period: "2020-Q1") { id } }',
      {},
      admin,
    );
    expect(quarter.errors?.[0]).toMatchObject({
      message: "period: piano-quartieri measures by year, so it cannot run for 2020-Q1",
      extensions: { code: "INVALID_INPUT", field: "period" },
    });
    const outside = await api.graphql(
      'mutation { runJob(jobKey: "crm-response", period: "2018-Q4") { id } }',
      {},
      admin,
    );
    expect(outside.errors?.[0].message).toBe("period: 2018 is outside the plan's years (2019-2021)");
    expect(await tableCounts(dataSource)).toEqual(before);
  });

  it("takes an explicit null argument as left out: no filter, never an error or an empty list", async () => {
    const pairs: Array<[string, string]> = [
      [
        "{ objectives(year: null, unitName: null, unitCode: null, level: null) { totalCount } }",
        "{ objectives { totalCount } }",
      ],
      [
        '{ measurements(kpiCode: "SAL-CRM-CONTATTI", unitCode: null, year: null) { id } }',
        '{ measurements(kpiCode: "SAL-CRM-CONTATTI") { id } }',
      ],
      [
        "{ auditEvents(entityType: null, entityId: null, after: null, first: null) { totalCount } }",
        "{ auditEvents { totalCount } }",
      ],
      ["{ jobRuns(jobKey: null, status: null) { totalCount } }", "{ jobRuns { totalCount } }"],
      [
        "{ eligibility(year: 2019, employeeCode: null, unitCode: null, category: null) { totalCount } }",
        "{ eligibility(year: 2019) { totalCount } }",
      ],
      [
        "{ orgUnits(asOf: null) { name objectives(year: 2019) { targets(year: null) { year } } } }",
        "{ orgUnits { name objectives(year: 2019) { targets { year } } } }",
      ],
    ];
    for (const [withNulls, without] of pairs) {
      const given = await api.graphql(withNulls, {}, admin);
      expect({ query: withNulls, errors: given.errors }).toEqual({ query: withNulls, errors: undefined });
      expect(given.data).toEqual((await api.graphql(without, {}, admin)).data);
    }
    const { data } = await api.graphql<{ objectives: { totalCount: number } }>(
      "query ($year: Int, $unit: String) { objectives(year: $year, unitCode: $unit) { totalCount } }",
      { year: null, unit: null },
    );
    expect(data!.objectives.totalCount).toBeGreaterThan(100);
  });
});
