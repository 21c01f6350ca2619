import { createServer } from "node:net";
import globalSetup, { underCi } from "../support/global-setup";

/** A loopback port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the MySQL half of the suite", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ["CI", "TEST_MYSQL_URL", "TRAGUARDO_TEST_MYSQL"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    jest.restoreAllMocks();
  });

  it("counts CI as set when it is true, 1 or yes in any case, and only then", () => {
    const set = ["true", "TRUE", "True", "1", "yes", "YES", "Yes"];
    const unset = [undefined, "", "false", "0", "no", "on"];
    expect(set.map((CI) => underCi({ CI }))).toEqual(set.map(() => true));
    expect(unset.map((CI) => underCi({ CI }))).toEqual(unset.map(() => false));
  });

  it("fails the run under CI when the server is not there, and is left out with a warning otherwise", async () => {
    process.env.TEST_MYSQL_URL = `mysql://root@127.0.0.1:${await closedPort()}`;
    for (const CI of ["true", "1", "Yes"]) {
      process.env.CI = CI;
      await expect(globalSetup()).rejects.toThrow(`Under CI (CI=${CI}) the MySQL suites must run.`);
    }
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    process.env.CI = "false";
    await globalSetup();
    expect(process.env.TRAGUARDO_TEST_MYSQL).toBe("missing");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("The MySQL suites are left out"));
  });
});
