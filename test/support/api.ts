import { AddressInfo } from "node:net";
import pino from "pino";
import { DataSource, Logger } from "typeorm";
import { parseGrant } from "../../src/auth/caller";
import { mintToken } from "../../src/auth/mint-token";
import { loadConfig } from "../../src/config";
import { createHttpServer, HttpServer } from "../../src/http/server";

/** Counts the SQL statements a data source runs, to hold list fields to batched loading. */
export class StatementCounter implements Logger {
  count = 0;
  logQuery() {
    this.count += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export interface RunningApi {
  url: string;
  http: HttpServer;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export const TEST_JWT_SECRET = "api-test-secret-that-is-long-enough-000";

/** The real HTTP server on a free loopback port, over the given database. */
export async function startApi(dataSource: DataSource, env: Record<string, string> = {}): Promise<RunningApi> {
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, ...env });
  const http = await createHttpServer(config, dataSource, pino({ level: "silent" }));
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  return {
    url,
    http,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<never>, "status">) };
    },
    async close() {
      await http.stop();
    },
  };
}

/** A bearer header for a token this test server accepts. */
export async function bearer(
  roles: string[],
  units: string[] = [],
  subject = "tester",
): Promise<Record<string, string>> {
  const token = await mintToken(
    { JWT_SECRET: TEST_JWT_SECRET, JWT_ISSUER: "traguardo", JWT_AUDIENCE: "traguardo-api" },
    { subject, roles: roles as never, units: units.flatMap(parseGrant), expiresIn: "10m" },
  );
  return { authorization: `Bearer ${token}` };
}
