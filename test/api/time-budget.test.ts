import { graphql } from "graphql";
import { DataSource } from "typeorm";
import { YearDataCache } from "../../src/attainment/year-data-cache";
import { PreparedEligibility } from "../../src/incentives/prepared-eligibility";
import { watchTransactions } from "../../src/embedded-transactions";
import { loadConfig } from "../../src/config";
import { Context, requestReaders } from "../../src/context";
import { createSchema } from "../../src/schema";
import { openWithPlan, testDatabases } from "../support/databases";

describe("the request's time budget", () => {
  const db = testDatabases[0];
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openWithPlan(db);
  });
  afterAll(async () => {
    await db.close(dataSource);
  });

  const run = async (deadline: number) =>
    graphql({
      schema: await createSchema(),
      source: "{ plan { title } }",
      contextValue: {
        config: loadConfig({}),
        caller: { subject: null, roles: [], units: [] },
        log: { subject: null, role: "anonymous" },
        deadline,
        dataSource,
        preparedEligibility: new PreparedEligibility(watchTransactions(dataSource)),
        ...requestReaders(dataSource, new YearDataCache(dataSource)),
      } satisfies Context,
    });

  it("starts no field that reads once the deadline has passed, and says what to do", async () => {
    const late = await run(Date.now() - 1);
    expect(late.data).toBeNull();
    expect(late.errors?.[0].extensions).toEqual({ code: "QUERY_TOO_SLOW" });
    expect(late.errors?.[0].message).toMatch(/time budget.*split the query/);
    expect((await run(Date.now() + 60_000)).data).toEqual({ plan: { title: "Piano degli Obiettivi 2019-2021" } });
  });
});
