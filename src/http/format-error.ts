import { ApolloServerErrorCode } from "@apollo/server/errors";
import { GraphQLFormattedError } from "graphql";
import { Logger } from "../logger";
import { ErrorCode } from "../errors";

/** Codes whose messages were written for the client; anything else is masked. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  "QUERY_TOO_COSTLY",
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

/**
 * Keeps the errors meant for clients (a code and a message a person can act on) and replaces
 * everything else by a generic one, logged in full here: no SQL, stack or driver text leaves.
 */
export function errorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const invalidArguments = formatted.extensions?.validationErrors;
    if (Array.isArray(invalidArguments)) {
      return {
        message: describeInvalidArguments(invalidArguments as ValidationFailure[]),
        path: formatted.path,
        extensions: { code: ErrorCode.INVALID_INPUT },
      };
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
