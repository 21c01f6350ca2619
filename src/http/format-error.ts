import { HeaderMap } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { databaseUnavailable, DomainError, ErrorCode } from "../errors";
import { Logger } from "../logger";

/** Codes of the transport's own errors whose messages were written for the client; anything else is masked. */
const CLIENT_CODES = new Set<string>([
  "QUERY_TOO_COSTLY",
  "QUERY_TOO_SLOW",
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

/** Apollo's CSRF refusal, said as what to send (README, "GET requests"). */
export const CSRF_REFUSAL =
  "Refused as a possible cross-site request forgery: send a GET with the header 'apollo-require-preflight: true', " +
  "or a POST with 'content-type: application/json'";

/**
 * The HTTP status of a request refused as a whole before it runs (no data at all), by its code: a
 * client's error is never a 5xx. A refusal met while the operation runs answers 200, as
 * GraphQL over HTTP asks, so that the data resolved beside it still reaches the client.
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.INVALID_INPUT]: 400,
  [ErrorCode.CYCLE_CLOSED]: 409,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** What a client sees of a domain error: its code and details as extensions. */
const extensionsOf = (error: DomainError) => ({ code: error.code, ...error.details });

/**
 * Rethrows a domain error met while making a request's context (a refused token) as the GraphQL
 * error Apollo answers with, carrying its code's HTTP status; anything else as it was. A 401 says
 * which scheme to authenticate with (RFC 9110 §11.6.1).
 */
export function refuseRequest(error: unknown): never {
  if (!(error instanceof DomainError)) throw error;
  const headers = new HeaderMap();
  if (error.code === ErrorCode.UNAUTHENTICATED) headers.set("www-authenticate", 'Bearer realm="traguardo"');
  throw new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...extensionsOf(error), http: { status: HTTP_STATUS[error.code], headers } },
  });
}

/**
 * Turns domain errors into GraphQL errors with their code and details, keeps the transport's
 * errors meant for clients, and replaces everything else by a generic error, logged in full here:
 * no SQL, stack or driver text leaves.
 */
export function errorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const unavailable = databaseUnavailable(original);
    if (unavailable) logger.warn({ err: original, path: formatted.path }, "database unavailable");
    const domain = unavailable ?? original;
    if (domain instanceof DomainError)
      return { ...formatted, message: domain.message, extensions: extensionsOf(domain) };
    // A scalar's refusal (entities/scalars.ts), which GraphQL wraps in its own validation error.
    if (domain instanceof GraphQLError && domain.extensions.code === ErrorCode.INVALID_INPUT)
      return { ...formatted, message: domain.message, extensions: domain.extensions };
    const code = formatted.extensions?.code;
    const invalidArguments = formatted.extensions?.validationErrors;
    if (Array.isArray(invalidArguments)) {
      return {
        message: describeInvalidArguments(invalidArguments as ValidationFailure[]),
        path: formatted.path,
        extensions: { code: ErrorCode.INVALID_INPUT },
      };
    }
    if (code === ApolloServerErrorCode.BAD_REQUEST && formatted.message.includes("Cross-Site Request Forgery")) {
      return { message: CSRF_REFUSAL, extensions: { code } };
    }
    if (typeof code === "string" && CLIENT_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: error, path: formatted.path }, "unexpected error while resolving a request");
    return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** "unitName: unitName must be shorter than or equal to 200 characters", one clause per argument. */
function describeInvalidArguments(failures: ValidationFailure[], prefix = ""): string {
  return failures
    .flatMap((failure) => {
      const path = `${prefix}${failure.property}`;
      const own = Object.values(failure.constraints ?? {}).map((text) => `${path}: ${text}`);
      const nested = failure.children?.length ? [describeInvalidArguments(failure.children, `${path}.`)] : [];
      return [...own, ...nested];
    })
    .join("; ");
}
