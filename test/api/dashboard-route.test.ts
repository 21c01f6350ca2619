import express from "express";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dashboardRouter } from "../../src/http/dashboard";

/** The dashboard's files as the server serves them at "/", from a built folder (or its absence). */
describe("the dashboard route", () => {
  const built = mkdtempSync(join(tmpdir(), "traguardo-web-"));
  mkdirSync(join(built, "assets"));
  writeFileSync(join(built, "index.html"), '<!doctype html><script src="/assets/index-abc.js"></script>');
  writeFileSync(join(built, "assets", "index-abc.js"), "console.log(1)");
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  async function serve(dir: string) {
    const app = express().use(dashboardRouter(dir));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it("serves the built page at / (asked again each visit) and its hashed assets cached for good", async () => {
    const { url, close } = await serve(built);
    try {
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("cache-control")).toBe("no-cache");
      expect(await page.text()).toContain("/assets/index-abc.js");
      const asset = await fetch(`${url}/assets/index-abc.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    } finally {
      await close();
    }
  });

  it("says in Italian how to build it when the dashboard was never built", async () => {
    const { url, close } = await serve(join(built, "nowhere"));
    try {
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(404);
      expect(await page.text()).toMatch(/^Il cruscotto non è ancora compilato: esegui npm run build/);
    } finally {
      await close();
    }
  });
});
