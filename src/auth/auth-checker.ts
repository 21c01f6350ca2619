import { AuthCheckerFn } from "type-graphql";
import { Role } from "../../entities/enums";
import { Context } from "../context";
import { DomainError, ErrorCode } from "../errors";

/** Every role may read the plan and its aggregates. */
export const READERS = Object.values(Role);

/**
 * type-graphql's @Authorized check. An anonymous caller is a VIEWER on a public API and nobody on
 * a private one. A refusal says which roles would be allowed.
 */
export function authChecker(apiAccess: "public" | "private"): AuthCheckerFn<Context, Role> {
  return ({ context }, allowed) => {
    const { caller } = context;
    const anonymous = caller.subject === null;
    if (anonymous && apiAccess === "private") {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, "Not authenticated: this API is private; send a bearer token");
    }
    const roles = anonymous ? [Role.VIEWER] : caller.roles;
    if (allowed.length === 0 || allowed.some((role) => roles.includes(role))) return true;
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `Forbidden: this needs the role ${allowed.join(" or ")}${anonymous ? " (you are not signed in)" : ` (you have ${roles.join(", ") || "no role"})`}`,
      { requiredRoles: allowed },
    );
  };
}
