import { SignJWT } from "jose";
import { exportSPKI, generateKeyPair } from "jose";
import { ANONYMOUS, parseGrant, Role, TokenVerifier } from "../../src/auth/caller";

const config = {
  JWT_SECRET: "a-test-secret-that-is-long-enough-1234",
  JWT_ISSUER: "traguardo",
  JWT_AUDIENCE: "traguardo-api",
};
const callerFromAuthorization = async (
  header: string | undefined,
  cfg: Parameters<typeof TokenVerifier.fromConfig>[0] = config,
) => (await TokenVerifier.fromConfig(cfg)).callerFrom(header);
const key = new TextEncoder().encode(config.JWT_SECRET);

function token(
  claims: Record<string, unknown>,
  options: { alg?: string; exp?: string; secret?: Uint8Array; iss?: string } = {},
) {
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
    const caller = await callerFromAuthorization(
      `Bearer ${await token({ roles: ["UNIT_MANAGER", "KING"], units: ["EDU", "TA:2019-09-09"] })}`,
      config,
    );
    expect(caller).toEqual({
      subject: "mario.rossi",
      roles: [Role.UNIT_MANAGER],
      units: [
        { code: "EDU", from: null },
        { code: "TA", from: "2019-09-09" },
      ],
    });
  });

  it.each(["EDU:2019-13-45", "EDU:2019-02-29", "bad unit", 42])(
    "refuses a token whose unit grant does not read (%s), rather than drop or misread it",
    async (grant) => {
      await expect(
        callerFromAuthorization(`Bearer ${await token({ roles: ["UNIT_MANAGER"], units: ["EDU", grant] })}`, config),
      ).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        message: `Not authenticated: the unit grant ${JSON.stringify(grant)} is not a unit code or CODE:YYYY-MM-DD`,
      });
    },
  );

  it("refuses an expired token, a forged one, another issuer and another algorithm", async () => {
    const cases = [
      await token({}, { exp: "-1m" }),
      await token({}, { secret: new TextEncoder().encode("another-secret-that-is-long-enough-xx") }),
      await token({}, { iss: "someone-else" }),
      await token({}, { alg: "HS512" }),
    ];
    for (const bad of cases) {
      await expect(callerFromAuthorization(`Bearer ${bad}`, config)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
  });

  it("refuses a malformed header and any token when no secret is configured", async () => {
    await expect(callerFromAuthorization("Basic abc", config)).rejects.toThrow(/Bearer/);
    await expect(
      callerFromAuthorization(`Bearer ${await token({})}`, { ...config, JWT_SECRET: undefined }),
    ).rejects.toThrow(/no JWT key/);
  });

  it("verifies tokens signed by an issuer's key pair, and refuses an HS256 token signed with that public key", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const pem = await exportSPKI(publicKey);
    const rsConfig = {
      JWT_PUBLIC_KEY: pem,
      JWT_ALGORITHM: "RS256" as const,
      JWT_ISSUER: config.JWT_ISSUER,
      JWT_AUDIENCE: config.JWT_AUDIENCE,
    };
    const signed = await new SignJWT({ roles: ["PAYROLL"] })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("payroll-system")
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setExpirationTime("5m")
      .sign(privateKey);
    await expect(callerFromAuthorization(`Bearer ${signed}`, rsConfig)).resolves.toMatchObject({
      roles: [Role.PAYROLL],
    });
    // The classic confusion attack: an HS256 token keyed with the public key's text.
    const confused = await new SignJWT({ roles: ["ADMIN"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("mallory")
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(pem));
    await expect(callerFromAuthorization(`Bearer ${confused}`, rsConfig)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});

describe("parseGrant", () => {
  it("reads a unit code with an optional start date and ignores anything else", () => {
    expect(parseGrant("EDU")).toEqual([{ code: "EDU", from: null }]);
    expect(parseGrant("TA:2019-09-09")).toEqual([{ code: "TA", from: "2019-09-09" }]);
    expect(parseGrant("edu; drop")).toEqual([]);
    expect(parseGrant(42)).toEqual([]);
  });
});
