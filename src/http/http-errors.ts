import { ErrorRequestHandler } from "express";
import { Logger } from "../logger";

/**
 * Errors raised before GraphQL runs (a body too large, JSON that does not parse) answered in
 * GraphQL's error shape, with no stack trace or server detail.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; limit?: number }, _req, res, _next) => {
    const status = error.status ?? 500;
    const message =
      error.type === "entity.too.large"
        ? `Request body too large: the limit is ${error.limit} bytes`
        : error.type === "entity.parse.failed"
          ? "Request body is not valid JSON"
          : status < 500
            ? "Bad request"
            : "Internal server error";
    if (status >= 500) logger.error({ err: error }, "unexpected HTTP error");
    res.status(status).json({
      errors: [
        {
          message,
          extensions: {
            code: status === 413 ? "PAYLOAD_TOO_LARGE" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR",
          },
        },
      ],
    });
  };
}
