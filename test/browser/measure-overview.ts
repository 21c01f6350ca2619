/**
 * Time to the Cruscotto's first chart on the bench's GENERATED plan at a scale (scale 1: Milan's size,
 * about 400 objectives and 1,500 KPIs with three years of monthly values), in Debian's Chromium,
 * with each GraphQL request's time. Printed for docs/performance.md, never asserted:
 *   node -r @swc-node/register test/browser/measure-overview.ts --scale 10
 */
import "reflect-metadata";
import { Command } from "commander";
import { ensureCycles } from "../../src/cycles/cycles";
import { openDatabase } from "../../src/database";
import { loadGeneratedPlan } from "../../src/bench/generated-plan";
import { loadJobKpis } from "../../src/plan-data/load-job-kpis";
import { bearer, startApi } from "../support/api";
import { scratchMysqlDatabase } from "../support/databases";
import { ensureDashboardBuilt, launchChromium, signIn, watchedPage } from "./support/browser";

async function measure(scale: number, runs: number): Promise<void> {
  ensureDashboardBuilt();
  // MariaDB, as the bench (npm run bench:dashboards): loading the grown plan is written for it.
  const scratch = await scratchMysqlDatabase();
  const dataSource = await openDatabase({ DATABASE_URL: scratch.url, SQLITE_PATH: "" });
  const size = await loadGeneratedPlan(dataSource, scale);
  await loadJobKpis(dataSource);
  await ensureCycles(dataSource.manager);
  const api = await startApi(dataSource);
  const browser = await launchChromium();
  const token = (await bearer(["VIEWER"])).authorization.slice("Bearer ".length);
  console.log(
    `scale ${scale}: ${size.objectives2019} objectives in 2019, ${size.kpis} KPIs, ${size.measurements} values (MariaDB)`,
  );
  try {
    for (let run = 1; run <= runs; run += 1) {
      const watched = await watchedPage(browser, api.url);
      // Signed in through the login page, then the page loaded anew: the time runs from that load.
      await signIn(watched, api.url, token);
      await watched.page.getByRole("region", { name: "Punteggio delle Direzioni" }).waitFor();
      watched.graphqlOperations.length = 0;
      await watched.page.reload();
      await watched.page.waitForFunction(() => performance.getEntriesByName("traguardo:first-chart").length > 0, null, {
        timeout: 120_000,
      });
      const timings = await watched.page.evaluate(() => ({
        firstChart: performance.getEntriesByName("traguardo:first-chart")[0].startTime,
        graphql: performance
          .getEntriesByType("resource")
          .filter((entry) => entry.name.endsWith("/graphql"))
          .map((entry) => Math.round(entry.duration)),
      }));
      console.log(
        `  run ${run}: first chart after ${Math.round(timings.firstChart)} ms; ${watched.graphqlOperations.length} GraphQL requests (${watched.graphqlOperations.join(", ")}) taking ${timings.graphql.join(", ")} ms; console errors: ${watched.consoleErrors.length}`,
      );
      await watched.context.close();
    }
  } finally {
    await browser.close();
    await api.close();
    await dataSource.destroy();
    await scratch.drop();
  }
}

new Command("measure-overview")
  .option("--scale <n>", "the bench's scale (1: Milan's size)", Number, 1)
  .option("--runs <n>", "page loads to time", Number, 3)
  .action((options: { scale: number; runs: number }) => measure(options.scale, options.runs))
  .parseAsync()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
