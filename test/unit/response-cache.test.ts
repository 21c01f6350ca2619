import { ApolloServer } from "@apollo/server";
import { ANONYMOUS } from "../../src/auth/caller";
import { ResponseCacheContext, responseCachePlugin } from "../../src/http/response-cache";

/** The plugin alone over a one-field schema that counts how often it is resolved. */
describe("the response cache's key", () => {
  let resolved = 0;
  let day = "2026-12-01";
  let version = 1;
  const server = new ApolloServer<ResponseCacheContext>({
    typeDefs: "type Query { resolved: Int }",
    resolvers: { Query: { resolved: () => (resolved += 1) } },
    plugins: [responseCachePlugin(1_000_000, { mark: () => 0, unchangedSince: () => true }, () => day)],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const ask = async () => {
    const response = await server.executeOperation(
      { query: "{ resolved }" },
      {
        contextValue: {
          caller: ANONYMOUS,
          dataVersions: () => Promise.resolve(new Map([["attainment-inputs", version]])),
        },
      },
    );
    return response.body.kind === "single" ? response.body.singleResult.data?.resolved : undefined;
  };

  it("keeps an answer within a day and a version, and answers afresh on the next day (asOf null means today)", async () => {
    expect([await ask(), await ask()]).toEqual([1, 1]);
    day = "2026-12-02";
    expect([await ask(), await ask()]).toEqual([2, 2]);
    version = 2;
    expect(await ask()).toBe(3);
  });
});
