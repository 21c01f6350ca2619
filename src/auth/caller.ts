import { errors as joseErrors, jwtVerify } from "jose";
import { Config } from "../config";
import { DomainError, ErrorCode } from "../errors";

export enum Role {
  VIEWER = "VIEWER",
  UNIT_MANAGER = "UNIT_MANAGER",
  EVALUATION_BOARD = "EVALUATION_BOARD",
  PAYROLL = "PAYROLL",
  ADMIN = "ADMIN",
}

/** Who is calling: from a verified bearer token, or anonymous. */
export interface Caller {
  subject: string | null;
  roles: Role[];
  /** Codes of the units a UNIT_MANAGER answers for. */
  units: string[];
}

export const ANONYMOUS: Caller = Object.freeze({ subject: null, roles: [], units: [] });

const ALGORITHM = "HS256";

/**
 * Reads the Authorization header. No header: anonymous. A header that is not a valid token for
 * this API (bad signature, other algorithm, wrong issuer or audience, expired) is refused, never
 * downgraded to anonymous, so a client with a broken token finds out.
 */
export async function callerFromAuthorization(
  header: string | undefined,
  config: Pick<Config, "JWT_SECRET" | "JWT_ISSUER" | "JWT_AUDIENCE">,
): Promise<Caller> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated("the Authorization header must be 'Bearer <token>'");
  if (!config.JWT_SECRET) throw unauthenticated("this server accepts no tokens (JWT_SECRET is not configured)");
  try {
    const { payload } = await jwtVerify(match[1], new TextEncoder().encode(config.JWT_SECRET), {
      algorithms: [ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      requiredClaims: ["sub", "exp"],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const units = Array.isArray(payload.units) ? payload.units.filter((u): u is string => typeof u === "string") : [];
    return { subject: payload.sub ?? null, roles, units };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated("the token has expired");
    if (error instanceof joseErrors.JOSEError) throw unauthenticated(`the token was refused (${error.code})`);
    throw error;
  }
}

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (Object.values(Role) as string[]).includes(value);
}

function unauthenticated(reason: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, `Not authenticated: ${reason}`);
}
