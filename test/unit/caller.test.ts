import { SignJWT } from "jose";
import { ANONYMOUS, callerFromAuthorization, Role } from "../../src/auth/caller";

const config = { JWT_SECRET: "a-test-secret-that-is-long-enough-1234", JWT_ISSUER: "traguardo", JWT_AUDIENCE: "traguardo-api" };
const key = new TextEncoder().encode(config.JWT_SECRET);

function token(claims: Record<string, unknown>, options: { alg?: string; exp?: string; secret?: Uint8Array; iss?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? "HS256" })
    .setSubject("mario.rossi")
    .setIssuer(options.iss ?? config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? "1h")
    .sign(options.secret ?? key);
}

describe("callerFromAuthorization", () => {
  it("is anonymous without a header", async () => {
    await expect(callerFromAuthorization(undefined, config)).resolves.toBe(ANONYMOUS);
  });

  it("reads subject, known roles and units from a valid token", async () => {
    const caller = await callerFromAuthorization(`Bearer ${await token({ roles: ["UNIT_MANAGER", "KING"], units: ["EDU"] })}`, config);
    expect(caller).toEqual({ subject: "mario.rossi", roles: [Role.UNIT_MANAGER], units: ["EDU"] });
  });

  it("refuses an expired token, a forged one, another issuer and another algorithm", async () => {
    const cases = [
      await token({}, { exp: "-1m" }),
      await token({}, { secret: new TextEncoder().encode("another-secret-that-is-long-enough-xx") }),
      await token({}, { iss: "someone-else" }),
      await token({}, { alg: "HS512" }),
    ];
    for (const bad of cases) {
      await expect(callerFromAuthorization(`Bearer ${bad}`, config)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    }
  });

  it("refuses a malformed header and any token when no secret is configured", async () => {
    await expect(callerFromAuthorization("Basic abc", config)).rejects.toThrow(/Bearer/);
    await expect(callerFromAuthorization(`Bearer ${await token({})}`, { ...config, JWT_SECRET: undefined })).rejects.toThrow(/JWT_SECRET/);
  });
});
