import { ApolloServerPlugin } from "@apollo/server";
import { RequestHandler, Response } from "express";
import { Kind, OperationTypeNode } from "graphql";
import { Caller } from "../auth/caller";
import { Logger } from "../logger";
import { graphqlErrors, operationLabel, requestDuration } from "../metrics";

/** What a GraphQL request adds to its access log line: never the token, the query text or its variables. */
export interface RequestLog {
  subject: string | null;
  role: string;
  operation?: string;
  kind?: OperationTypeNode;
  /** A mutation's top-level fields (recordMeasurement, runJob…): what it changed. */
  fields?: string[];
  errors?: string[];
}

/** The request's log entry, kept on the response so the line written when it finishes has it. */
export function requestLogFor(res: Response, caller: Caller): RequestLog {
  const log: RequestLog = {
    subject: caller.subject,
    role: caller.subject === null ? "anonymous" : caller.roles.join(","),
  };
  res.locals.graphql = log;
  return log;
}

/** One line per request when its answer is sent: method, path (no query string), status, duration. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    // Taken now: a mounted router shortens req.path as it routes.
    const path = req.originalUrl.split("?")[0];
    res.once("finish", () => {
      const graphql = res.locals.graphql as RequestLog | undefined;
      const seconds = (performance.now() - started) / 1000;
      const ms = Math.round(seconds * 1000);
      logger.info({ method: req.method, path, status: res.statusCode, ms, ...graphql }, "request");
      requestDuration.observe(
        { route: routeLabel(path), operation: operationLabel(graphql?.operation), status: String(res.statusCode) },
        seconds,
      );
      for (const code of graphql?.errors ?? []) graphqlErrors.inc({ code });
    });
    next();
  };
}

/** The route's first segment (/graphql, /health, /explorer…): a path a client makes up is not a series. */
function routeLabel(path: string): string {
  const first = /^\/[a-z]{1,20}\b/.exec(path)?.[0];
  return first && ["/graphql", "/health", "/explorer", "/metrics"].includes(first) ? first : "other";
}

/** Names the operation in the request's log entry, and writes a line for every mutation with its outcome. */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<{ log: RequestLog }> {
  return {
    // Apollo's plugin hooks must return Promises.
    // eslint-disable-next-line @typescript-eslint/require-await
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ contextValue, operationName, operation }) {
          contextValue.log.operation = operationName ?? "(anonymous)";
          contextValue.log.kind = operation?.operation;
          if (operation?.operation === OperationTypeNode.MUTATION)
            contextValue.log.fields = operation.selectionSet.selections.flatMap((s) =>
              s.kind === Kind.FIELD ? [s.name.value] : [],
            );
        },
        // eslint-disable-next-line @typescript-eslint/require-await
        async willSendResponse({ contextValue, response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          if (errors?.length)
            contextValue.log.errors = errors.map((e) =>
              typeof e.extensions?.code === "string" ? e.extensions.code : "UNKNOWN",
            );
          if (contextValue.log.kind === OperationTypeNode.MUTATION) {
            const { subject, role, operation, fields } = contextValue.log;
            logger.info({ subject, role, operation, fields, errors: contextValue.log.errors ?? [] }, "mutation");
          }
        },
      };
    },
  };
}
