/**
 * Time to the Cruscotto's first chart in Debian's Chromium, with each GraphQL request's time; printed
 * for docs/performance.md, never asserted. Either on the bench's GENERATED plan at a scale (scale 1:
 * Milan's size, about 400 objectives and 1,500 KPIs with three years of monthly values; MariaDB), or
 * on a server already running, such as `npm run demo`'s, with a token it accepts:
 *   node -r @swc-node/register test/browser/measure-overview.ts --scale 10
 *   node -r @swc-node/register test/browser/measure-overview.ts --url http://localhost:4000 --token "$TOKEN"
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

interface Options {
  scale: number;
  runs: number;
  url?: string;
  token?: string;
  year: number;
}

/** Signs in, then loads the page anew `runs` times, printing when its first chart was drawn. */
async function timeOverview(url: string, token: string, runs: number, year: number): Promise<void> {
  const browser = await launchChromium();
  try {
    for (let run = 1; run <= runs; run += 1) {
      const watched = await watchedPage(browser, url);
      await signIn(watched, url, token);
      await watched.page.getByRole("heading", { name: new RegExp(`Cruscotto dell'Ente · ${year}`) }).waitFor();
      await watched.page.getByRole("region", { name: "Punteggio delle Direzioni" }).waitFor({ timeout: 120_000 });
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
  }
}

async function onGeneratedPlan(scale: number, runs: number): Promise<void> {
  ensureDashboardBuilt();
  // MariaDB, as the bench (npm run bench:dashboards): loading the grown plan is written for it.
  const scratch = await scratchMysqlDatabase();
  const dataSource = await openDatabase({ DATABASE_URL: scratch.url, SQLITE_PATH: "" });
  try {
    const size = await loadGeneratedPlan(dataSource, scale);
    await loadJobKpis(dataSource);
    await ensureCycles(dataSource.manager);
    const api = await startApi(dataSource);
    console.log(
      `scale ${scale}: ${size.objectives2019} objectives in 2019, ${size.kpis} KPIs, ${size.measurements} values (MariaDB)`,
    );
    try {
      await timeOverview(api.url, (await bearer(["VIEWER"])).authorization.slice("Bearer ".length), runs, 2019);
    } finally {
      await api.close();
    }
  } finally {
    await dataSource.destroy();
    await scratch.drop();
  }
}

new Command("measure-overview")
  .option("--scale <n>", "the bench's scale (1: Milan's size)", Number, 1)
  .option("--runs <n>", "page loads to time", Number, 3)
  .option("--url <url>", "a server already running (its dashboard as built), instead of the bench's plan")
  .option("--token <token>", "with --url: a token that server accepts")
  .option("--year <year>", "the year the Cruscotto opens on", Number, 2019)
  .action((options: Options) =>
    options.url
      ? timeOverview(options.url, options.token ?? "", options.runs, options.year)
      : onGeneratedPlan(options.scale, options.runs),
  )
  .parseAsync()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
