/** Stable codes a client can act on; the message says what to do in words a person understands. */
export enum ErrorCode {
  NOT_FOUND = "NOT_FOUND",
  INVALID_INPUT = "INVALID_INPUT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  CYCLE_CLOSED = "CYCLE_CLOSED",
}

/**
 * A refusal the domain explains: a stable code, a message, and details a client can act on (the
 * `field` of an invalid input, the closed `years`, the `requiredRoles`). It knows no transport: the
 * API edge (src/http/format-error.ts) turns it into a GraphQL error with these as extensions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} does not exist`);
export const invalidInput = (field: string, problem: string) =>
  new DomainError(ErrorCode.INVALID_INPUT, `${field}: ${problem}`, { field });
