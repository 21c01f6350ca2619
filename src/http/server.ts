import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createServer, Server } from "node:http";
import { DataSource } from "typeorm";
import { callerFromAuthorization } from "../auth/caller";
import { Config } from "../config";
import { Context } from "../context";
import { createLoaders } from "../loaders";
import { Logger } from "../logger";
import { createSchema } from "../schema";
import { explorerRouter } from "./explorer";
import { errorFormatter } from "./format-error";

export const MAX_BODY = "100kb";

export interface HttpServer {
  server: Server;
  stop(): Promise<void>;
}

/** HTTP → Apollo → context (verified caller, fresh loaders) → resolvers. Not yet listening. */
export async function createHttpServer(config: Config, dataSource: DataSource, logger: Logger): Promise<HttpServer> {
  const app = express();
  const server = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    introspection: config.GRAPHQL_INTROSPECTION === "on",
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: errorFormatter(logger),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.use(
    "/graphql",
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        caller: await callerFromAuthorization(req.headers.authorization, config),
        loaders: createLoaders(dataSource),
        dataSource,
      }),
    }),
  );
  if (config.GRAPHQL_EXPLORER === "on") {
    app.use("/explorer", explorerRouter());
    app.get("/", (_req, res) => res.redirect("/explorer"));
  }
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  return {
    server,
    stop: () => apollo.stop(),
  };
}
