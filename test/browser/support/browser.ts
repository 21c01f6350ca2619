import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { projectRoot } from "../../../src/project-root";
import { HEADLESS_CHROMIUM_ARGS } from "../../../src/chromium";
import { CHROMIUM } from "../../support/printing";

export const TEST_OUTPUT = join(projectRoot(), "test-output");

/** Debian's Chromium (or CHROMIUM_PATH): the tests download no browser. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install it (apt-get install chromium) to run the browser tests`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // Date inputs and the like in Italian, as the Comune's browsers show them.
    args: [...HEADLESS_CHROMIUM_ARGS, "--lang=it-IT"],
  });
}

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds the dashboard (npm run build:web) when dist/web is missing or older than web/ or the schema. */
export function ensureDashboardBuilt(): void {
  const root = projectRoot();
  const index = join(root, "dist", "web", "index.html");
  const sources = Math.max(newest(join(root, "web")), newest(join(root, "schema.graphql")));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync("npm", ["run", "-s", "build:web"], { cwd: root, stdio: "inherit" });
}

/** A page of a fresh browser context, with what went wrong on it and every request it made, kept for checks. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  /** Requests to any host but the server's, refused before they leave. */
  foreignRequests: string[];
  /** The GraphQL requests made, in order (their operation names). */
  graphqlOperations: string[];
}

export async function watchedPage(browser: Browser, serverUrl: string): Promise<WatchedPage> {
  const context = await browser.newContext({
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const watched: WatchedPage = { page, context, consoleErrors: [], foreignRequests: [], graphqlOperations: [] };
  const origin = new URL(serverUrl).origin;
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || new URL(url).origin === origin) return route.continue();
    watched.foreignRequests.push(url);
    return route.abort();
  });
  page.on("console", (message) => {
    // A warning too: a library's (ECharts') warning is how a misuse first shows.
    if (message.type() === "error" || message.type() === "warning") watched.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => watched.consoleErrors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().endsWith("/graphql")) return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    watched.graphqlOperations.push(body?.operationName ?? "?");
  });
  return watched;
}

/** Signs in through the login page, pasting the token as a person would. */
export async function signIn(watched: WatchedPage, serverUrl: string, token: string, hash = "#/cruscotto") {
  await watched.page.goto(`${serverUrl}/${hash}`);
  await watched.page.getByLabel("Token di accesso").fill(token);
  await watched.page.getByRole("button", { name: "Entra" }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  await page.screenshot({ path: join(TEST_OUTPUT, `${name}.png`), fullPage: true });
}
