import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "../../src/project-root";

describe("npm run import:people", () => {
  // The first call builds when dist/ is older than the sources.
  jest.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), "traguardo-import-people-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("refuses a file with a repeated matricola naming file, line and column, exits 1 and imports nothing", async () => {
    const employees = join(folder, "dipendenti.csv");
    writeFileSync(employees, "matricola;nome;categoria\nS1;Paolo Rossi;DIPENDENTE\nS1;Paolo Rossi;PO\n");
    const database = join(folder, "traguardo.sqlite");
    const run = promisify(execFile)(
      process.execPath,
      [join(projectRoot(), "bin", "run.mjs"), "src/cli/import-people.js", "--employees", employees],
      { cwd: projectRoot(), env: { ...process.env, SQLITE_PATH: database } },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'Nothing imported: 1 row(s) are wrong: employees line 3: matricola: "S1" è già alla riga 2',
      ) as unknown,
    });
    const db = new Database(database, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM employee").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
