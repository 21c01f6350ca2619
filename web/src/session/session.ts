/**
 * The signed-in user's bearer token, kept in sessionStorage: it lives as long as the tab, and is
 * sent only to this server's /graphql. Its claims are read here only to choose what to show; the
 * server verifies the token and decides what each role may see and do.
 */
export type Role = "ADMIN" | "EVALUATION_BOARD" | "UNIT_MANAGER" | "PAYROLL" | "VIEWER";

export interface Session {
  token: string;
  subject: string;
  roles: Role[];
  /** Unit codes a UNIT_MANAGER answers for (a "CODE:YYYY-MM-DD" grant gives its code). */
  units: string[];
  /** Seconds since the epoch. */
  expiresAt: number | null;
}

const KEY = "traguardo.token";
const ROLES: Role[] = ["ADMIN", "EVALUATION_BOARD", "UNIT_MANAGER", "PAYROLL", "VIEWER"];

/** The session a token opens, or the reason (in Italian) it cannot open one. */
export function sessionFrom(token: string, now = Date.now()): Session | string {
  const parts = token.trim().split(".");
  if (parts.length !== 3) return "Il token non ha la forma di un JWT (tre parti separate da punti).";
  let claims: { sub?: unknown; roles?: unknown; units?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(decodeBase64Url(parts[1])) as typeof claims;
  } catch {
    return "Il token non si legge: copialo di nuovo per intero.";
  }
  const expiresAt = typeof claims.exp === "number" ? claims.exp : null;
  if (expiresAt !== null && expiresAt * 1000 <= now) return "Il token è scaduto: generane uno nuovo.";
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  const units = Array.isArray(claims.units)
    ? claims.units.filter((u): u is string => typeof u === "string").map((u) => u.split(":")[0])
    : [];
  return {
    token: token.trim(),
    subject: typeof claims.sub === "string" ? claims.sub : "",
    roles: roles.length > 0 ? roles : ["VIEWER"],
    units,
    expiresAt,
  };
}

function decodeBase64Url(text: string): string {
  const base64 = text
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(text.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function storedSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const session = sessionFrom(token);
  return typeof session === "string" ? null : session;
}

export function keepToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}

/** Whether the session may see who did what and people (the API masks them for VIEWER anyway). */
export const seesNames = (session: Session) => session.roles.some((role) => role !== "VIEWER");

export const hasRole = (session: Session, ...roles: Role[]) => session.roles.some((role) => roles.includes(role));
