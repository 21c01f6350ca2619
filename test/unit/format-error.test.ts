import { GraphQLError } from "graphql";
import pino from "pino";
import { DomainError, ErrorCode } from "../../src/errors";
import { errorFormatter, refuseRequest } from "../../src/http/format-error";

const format = errorFormatter(pino({ level: "silent" }));

describe("errorFormatter", () => {
  it("keeps a domain error's code and message, without a stack trace", () => {
    const error = new DomainError(ErrorCode.NOT_FOUND, 'No organisational unit has the code "XYZ"');
    const formatted = format(
      { message: error.message, extensions: { code: "NOT_FOUND", stacktrace: ["at x"] } },
      error,
    );
    expect(formatted).toEqual({ message: error.message, extensions: { code: "NOT_FOUND" } });
  });

  it("replaces anything unexpected, such as a driver error quoting SQL, by a generic message", () => {
    const error = new GraphQLError("SQLITE_ERROR: no such column: o.secret in SELECT * FROM objective");
    const formatted = format(
      { message: error.message, path: ["objectives"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      error,
    );
    expect(formatted).toEqual({
      message: "Internal server error",
      path: ["objectives"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("turns a domain error met in a resolver into its code and details, at the path where it was met", () => {
    const error = new GraphQLError("ignored", {
      path: ["recordReview"],
      originalError: new DomainError(ErrorCode.INVALID_INPUT, "score: an override sets a score between 0 and 1", {
        field: "score",
      }),
    });
    const formatted = format(
      { message: error.message, path: ["recordReview"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      error,
    );
    expect(formatted).toEqual({
      message: "score: an override sets a score between 0 and 1",
      path: ["recordReview"],
      extensions: { code: "INVALID_INPUT", field: "score" },
    });
  });
});

describe("refuseRequest", () => {
  it("gives a refused request its code's HTTP status, 401 for UNAUTHENTICATED, and leaves other errors as they were", () => {
    const refused = new DomainError(ErrorCode.UNAUTHENTICATED, "Not authenticated: the token has expired");
    const thrown = (() => {
      try {
        return refuseRequest(refused);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect(thrown).toMatchObject({
      message: refused.message,
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
    const unexpected = new Error("connection lost");
    expect(() => refuseRequest(unexpected)).toThrow(unexpected);
  });
});
