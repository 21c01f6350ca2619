import { GraphQLError } from "graphql";

/** Stable codes a client can act on; the message says what to do in words a person understands. */
export enum ErrorCode {
  NOT_FOUND = "NOT_FOUND",
  INVALID_INPUT = "INVALID_INPUT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  CYCLE_CLOSED = "CYCLE_CLOSED",
}

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} does not exist`);
export const invalidInput = (field: string, problem: string) =>
  new DomainError(ErrorCode.INVALID_INPUT, `${field}: ${problem}`, { field });
