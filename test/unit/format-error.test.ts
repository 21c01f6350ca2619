import { GraphQLError } from "graphql";
import pino from "pino";
import { DomainError, ErrorCode } from "../../src/errors";
import { errorFormatter } from "../../src/http/format-error";

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
});
