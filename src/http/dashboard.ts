import express, { Router } from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../project-root";

/** Where `npm run build` puts the dashboard (web/vite.config.mjs). */
export const DASHBOARD_DIR = join(projectRoot(), "dist", "web");

const NOT_BUILT =
  "Il cruscotto non è ancora compilato: esegui npm run build (npm start lo fa da sé). L'esploratore GraphQL è su /explorer.";

/**
 * The dashboard at "/", from the files Vite built: the same origin as /graphql, so the browser sends
 * its token to this server only. Hashed assets are cached for good; index.html is asked for again
 * each time, so a new build is picked up at the next visit.
 */
export function dashboardRouter(dir = DASHBOARD_DIR): Router {
  const router = Router();
  const index = join(dir, "index.html");
  router.get("/", (_req, res) => {
    if (!existsSync(index)) {
      res.status(404).type("text").send(NOT_BUILT);
      return;
    }
    res.set("cache-control", "no-cache").sendFile(index);
  });
  router.use(
    "/assets",
    express.static(join(dir, "assets"), { immutable: true, maxAge: "1y", index: false, fallthrough: false }),
  );
  return router;
}
