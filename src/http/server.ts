import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createServer, Server } from "node:http";
import { DataSource } from "typeorm";
import { TokenVerifier } from "../auth/caller";
import { Config } from "../config";
import { Context, requestReaders } from "../context";
import { YearDataCache } from "../attainment/year-data-cache";
import { startPrecomputing } from "./precomputing";
import { PreparedEligibility } from "../incentives/prepared-eligibility";
import { Logger } from "../logger";
import { createSchema } from "../schema";
import { DomainError, ErrorCode } from "../errors";
import { accessLog, requestLogFor, requestLogPlugin } from "./access-log";
import { cors } from "./cors";
import { dashboardRouter } from "./dashboard";
import { healthRouter, SchedulerState } from "./health";
import { metricsRouter } from "./metrics-route";
import { reportRouter } from "./report-route";
import { explorerRouter } from "./explorer";
import { errorFormatter, refuseRequest } from "./format-error";
import { httpErrorHandler } from "./http-errors";
import { aliasRule } from "./alias-rule";
import { shapeRule } from "./shape-rule";
import { costLimitPlugin } from "./query-limits";
import { responseCachePlugin } from "./response-cache";
import { watchTransactions } from "../embedded-transactions";

export const MAX_BODY = "100kb";

const PRIVATE_REFUSAL = "Not authenticated: this API is private; send a bearer token";

export interface HttpServer {
  server: Server;
  stop(): Promise<void>;
}

/** HTTP → Apollo → context (verified caller, fresh readers) → resolvers. Not yet listening. */
export async function createHttpServer(
  config: Config,
  dataSource: DataSource,
  logger: Logger,
  scheduler: SchedulerState = () => "off",
): Promise<HttpServer> {
  const app = express();
  const server = createServer(app);
  const schema = await createSchema(config.API_ACCESS);
  const tokens = await TokenVerifier.fromConfig(config);
  // What a kept answer or a prepared eligibility read was committed (the embedded SQLite shares one connection).
  const transactions = watchTransactions(dataSource);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.GRAPHQL_INTROSPECTION === "on",
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: errorFormatter(logger),
    validationRules: [
      shapeRule(config.GRAPHQL_MAX_DEPTH, config.GRAPHQL_MAX_FIELDS),
      aliasRule(config.GRAPHQL_MAX_ALIASES),
    ],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // No field sets a cache hint, and the plugin's per-field hook cost a tenth of a dashboard's time.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(schema, config.GRAPHQL_MAX_COST),
      requestLogPlugin(logger),
      ...(config.RESPONSE_CACHE_MB > 0
        ? [responseCachePlugin(config.RESPONSE_CACHE_MB * 1024 * 1024, transactions)]
        : []),
    ],
  });
  await apollo.start();
  const yearDataCache = new YearDataCache(dataSource);
  const preparedEligibility = new PreparedEligibility(transactions);
  const precomputing =
    config.PRECOMPUTE_SECONDS > 0
      ? startPrecomputing(dataSource, yearDataCache, preparedEligibility, logger, config.PRECOMPUTE_SECONDS * 1000)
      : null;

  app.disable("x-powered-by");
  app.use(accessLog(logger));
  app.use(healthRouter(dataSource, scheduler, logger));
  if (config.METRICS === "on") app.use(metricsRouter(dataSource, logger));
  app.use(reportRouter(dataSource, yearDataCache, tokens, config.CHROMIUM_PATH, logger));
  app.use(
    "/graphql",
    cors(config.CORS_ORIGINS),
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const caller = await tokens.callerFrom(req.headers.authorization).catch((error: unknown) => {
          logger.warn({ reason: error instanceof Error ? error.message : String(error) }, "authentication refused");
          return refuseRequest(error);
        });
        // Private: nothing at all without a valid token, not even introspection or __typename.
        if (caller.subject === null && config.API_ACCESS === "private") {
          logger.warn({ reason: "no token on a private API" }, "authentication refused");
          refuseRequest(new DomainError(ErrorCode.UNAUTHENTICATED, PRIVATE_REFUSAL));
        }
        return {
          config,
          caller,
          log: requestLogFor(res, caller),
          deadline: Date.now() + config.GRAPHQL_TIME_BUDGET_MS,
          ...requestReaders(dataSource, yearDataCache),
          dataSource,
          preparedEligibility,
        };
      },
    }),
  );
  if (config.GRAPHQL_EXPLORER === "on") app.use("/explorer", explorerRouter());
  app.use(dashboardRouter());
  app.use(httpErrorHandler(logger));

  return {
    server,
    stop: () => {
      precomputing?.stop();
      return apollo.stop();
    },
  };
}
