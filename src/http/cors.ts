import { RequestHandler } from "express";

/** The headers a browser may send: apollo-require-preflight lets a GET past CSRF prevention. */
const ALLOWED_HEADERS = "authorization, content-type, apollo-require-preflight, x-apollo-operation-name";

/**
 * CORS for the dashboards on the origins the configuration lists, and for no other: a preflight
 * from a listed origin is answered here (204), anything else gets no CORS header, so the browser
 * keeps the answer from the page. CSRF prevention still runs: a cross-origin request must still
 * send JSON or a preflight header, and a listed origin is trusted to do so.
 */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    res.vary("Origin");
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return next();
    res.set("Access-Control-Allow-Origin", origin);
    if (req.method !== "OPTIONS") return next();
    res.set({
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
    });
    res.sendStatus(204);
  };
}
