import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  importSPKI,
  JWTPayload,
  jwtVerify,
  KeyLike,
} from "jose";
import { Role } from "../../entities/enums";
import { Config } from "../config";
import { isCalendarDate } from "../dates";
import { DomainError, ErrorCode } from "../errors";

export { Role };

/** A unit a UNIT_MANAGER answers for, from a date on (null: for as long as the unit existed). */
export interface UnitGrant {
  code: string;
  from: string | null;
}

/** Who is calling: from a verified bearer token, or anonymous. */
export interface Caller {
  subject: string | null;
  roles: Role[];
  units: UnitGrant[];
}

export const ANONYMOUS: Caller = Object.freeze({ subject: null, roles: [], units: [] });

type TokenConfig = Pick<
  Config,
  "JWT_SECRET" | "JWT_PUBLIC_KEY" | "JWT_JWKS_URL" | "JWT_ALGORITHM" | "JWT_ISSUER" | "JWT_AUDIENCE"
>;
type KeySource = Uint8Array | KeyLike | ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

/**
 * Verifies bearer tokens with the key the configuration names: a shared secret (HS256), a PEM
 * public key, or an OIDC issuer's JWKS. The algorithm, issuer and audience are pinned.
 */
export class TokenVerifier {
  private constructor(
    private readonly key: KeySource | null,
    private readonly algorithm: string,
    private readonly config: TokenConfig,
  ) {}

  static async fromConfig(config: TokenConfig): Promise<TokenVerifier> {
    if (config.JWT_SECRET) return new TokenVerifier(new TextEncoder().encode(config.JWT_SECRET), "HS256", config);
    if (config.JWT_PUBLIC_KEY)
      return new TokenVerifier(
        await importSPKI(config.JWT_PUBLIC_KEY, config.JWT_ALGORITHM!),
        config.JWT_ALGORITHM!,
        config,
      );
    if (config.JWT_JWKS_URL)
      return new TokenVerifier(createRemoteJWKSet(new URL(config.JWT_JWKS_URL)), config.JWT_ALGORITHM!, config);
    return new TokenVerifier(null, "none", config);
  }

  /**
   * No header: anonymous. A header that is not a valid token for this API (bad signature, other
   * algorithm, wrong issuer or audience, expired) is refused, never downgraded to anonymous, so a
   * client with a broken token finds out.
   */
  async callerFrom(header: string | undefined): Promise<Caller> {
    if (!header) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated("the Authorization header must be 'Bearer <token>'");
    if (this.key === null) throw unauthenticated("this server accepts no tokens (no JWT key is configured)");
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], this.key as Uint8Array, {
        algorithms: [this.algorithm],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ["sub", "exp"],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("the token has expired");
      if (error instanceof joseErrors.JOSEError) throw unauthenticated(`the token was refused (${error.code})`);
      throw error;
    }
    const claimed: unknown[] = Array.isArray(payload.units) ? payload.units : [];
    const units = claimed.flatMap(parseGrant);
    // A grant that does not read (EDU:2019-13-45) would silently narrow or widen what the token allows.
    if (units.length < claimed.length) {
      const bad = claimed.find((value) => parseGrant(value).length === 0);
      throw unauthenticated(`the unit grant ${JSON.stringify(bad)} is not a unit code or CODE:YYYY-MM-DD`);
    }
    return {
      subject: payload.sub ?? null,
      roles: Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [],
      units,
    };
  }
}

/** "EDU" or "EDU:2019-09-09": the unit, and the date from which the caller answers for it; none if it does not read. */
export function parseGrant(value: unknown): UnitGrant[] {
  if (typeof value !== "string") return [];
  const match = /^([A-Z0-9-]{1,32})(?::((\d{4})-(\d{2})-(\d{2})))?$/.exec(value);
  if (!match) return [];
  if (match[2] && !isCalendarDate(Number(match[3]), Number(match[4]), Number(match[5]))) return [];
  return [{ code: match[1], from: match[2] ?? null }];
}

export function formatGrant(grant: UnitGrant): string {
  return grant.from ? `${grant.code}:${grant.from}` : grant.code;
}

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (Object.values(Role) as string[]).includes(value);
}

function unauthenticated(reason: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, `Not authenticated: ${reason}`);
}
