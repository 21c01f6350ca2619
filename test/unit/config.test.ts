import { ConfigError, loadConfig } from "../../src/config";

describe("loadConfig", () => {
  it("defaults to the embedded SQLite file and port 4000", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SQLITE_PATH).toBe("var/traguardo.sqlite");
    expect(config.PORT).toBe(4000);
  });

  it("accepts a mysql:// or mariadb:// DATABASE_URL", () => {
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:3306/test" }).DATABASE_URL).toContain("mysql://");
    expect(loadConfig({ DATABASE_URL: "mariadb://root@db/test" }).DATABASE_URL).toContain("mariadb://");
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://x/y" })).toThrow(/DATABASE_URL: must start with mysql:\/\//);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(/JWT_SECRET: must be at least 32 characters/);
  });

  it("keeps job leases short, 30 s unless told, and refuses one too short to renew", () => {
    expect(loadConfig({}).JOB_LEASE_SECONDS).toBe(30);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: "1" })).toThrow(/JOB_LEASE_SECONDS/);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: "ten" })).toThrow(/JOB_LEASE_SECONDS/);
  });

  it("reads Piano Quartieri's due and done by the year's end unless told, a tolerance only with the planned date", () => {
    expect(loadConfig({})).toMatchObject({ PQ_DUE_AND_DONE: "BY_YEAR_END", PQ_TOLERANCE_DAYS: 0 });
    expect(loadConfig({ PQ_DUE_AND_DONE: "BY_PLANNED_DATE", PQ_TOLERANCE_DAYS: "15" })).toMatchObject({
      PQ_DUE_AND_DONE: "BY_PLANNED_DATE",
      PQ_TOLERANCE_DAYS: 15,
    });
    expect(() => loadConfig({ PQ_TOLERANCE_DAYS: "15" })).toThrow(/PQ_TOLERANCE_DAYS: applies only with/);
    expect(() => loadConfig({ PQ_DUE_AND_DONE: "LATER" })).toThrow(/PQ_DUE_AND_DONE/);
  });
});
