import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { jwtVerify } from "jose";
import { projectRoot } from "../../src/project-root";

const SECRET = "run-command-test-secret-long-enough-0000";

describe("bin/run.mjs, which the npm scripts run commands through", () => {
  // The first call builds when dist/ is older than the sources (npm test has just built it).
  jest.setTimeout(180_000);

  it("prints only the token on stdout, so that TOKEN=$(npm run -s token …) captures it", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(projectRoot(), "bin", "run.mjs"), "src/cli/token.js", "--role", "VIEWER", "--subject", "dashboard"],
      { cwd: projectRoot(), env: { ...process.env, JWT_SECRET: SECRET } },
    );
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const { payload } = await jwtVerify(stdout.trim(), new TextEncoder().encode(SECRET));
    expect(payload).toMatchObject({ sub: "dashboard", roles: ["VIEWER"] });
  });

  it("runs a command built and current without building again", async () => {
    const started = Date.now();
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [join(projectRoot(), "bin", "run.mjs"), "src/cli/token.js", "--role", "VIEWER"],
      { cwd: projectRoot(), env: { ...process.env, JWT_SECRET: SECRET } },
    );
    expect(stderr).not.toMatch(/building/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
