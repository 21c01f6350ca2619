import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Administration } from "../../entities/administration.entity";
import { ActKind, PlanChangeReason, Role } from "../../entities/enums";
import { Objective } from "../../entities/objective.entity";
import { openDatabase } from "../../src/database";
import { importPlan } from "../../src/plan-import/import-plan";
import { prepareDatabase } from "../../src/prepare-database";
import { projectRoot } from "../../src/project-root";

describe("preparing a database that holds another administration", () => {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("leaves it alone: Milan's plan goes only into a database with no other administration", async () => {
    const config = { SQLITE_PATH: join(folder, "esempio.sqlite") };
    const empty = await openDatabase(config);
    await importPlan(
      empty,
      { subject: "test", roles: [Role.ADMIN], units: [] },
      [
        {
          name: "comune-esempio.xlsx",
          content: readFileSync(join(projectRoot(), "data", "generated", "comune-esempio.xlsx")),
        },
      ],
      {
        basis: {
          act: { kind: ActKind.DG_DETERMINATION, number: "100", date: "2020-02-14", subject: "Schede (GENERATED)" },
          reason: PlanChangeReason.CHANGED_PRIORITIES,
          effectiveDate: null,
          annexPage: null,
          note: null,
        },
        dryRun: false,
        jobKeys: ["payment-timeliness"],
      },
    );
    await empty.destroy();

    const { dataSource, inserted } = await prepareDatabase(config);
    try {
      expect(inserted).toEqual({ cycles: 0 });
      expect((await dataSource.manager.find(Administration)).map((a) => a.code)).toEqual(["GEN-ESEMPIO"]);
      expect(await dataSource.manager.count(Objective)).toBe(10);
    } finally {
      await dataSource.destroy();
    }
  });
});
