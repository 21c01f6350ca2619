import { SignJWT } from "jose";
import { Role } from "../../entities/enums";
import { Config } from "../config";
import { formatGrant, UnitGrant } from "./caller";

export interface TokenRequest {
  subject: string;
  roles: Role[];
  units: UnitGrant[];
  /** A jose time span such as "8h" or "30m". */
  expiresIn: string;
}

/** Signs a token this server accepts, with its shared secret (HS256): for local use and tests. */
export async function mintToken(
  config: Pick<Config, "JWT_SECRET" | "JWT_ISSUER" | "JWT_AUDIENCE">,
  request: TokenRequest,
): Promise<string> {
  if (!config.JWT_SECRET) throw new Error("JWT_SECRET is not set: tokens for local use are signed with it");
  return new SignJWT({ roles: request.roles, units: request.units.map(formatGrant) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(request.subject)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn)
    .sign(new TextEncoder().encode(config.JWT_SECRET));
}
