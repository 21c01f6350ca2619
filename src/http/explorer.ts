import { Router } from "express";
import { dirname, join } from "node:path";

/**
 * GraphiQL served from the packages installed with the app, so the explorer works on a machine
 * with no internet (Apollo's default landing page loads its code from a CDN).
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  "react.production.min.js": { pkg: "react", file: "umd/react.production.min.js", type: "text/javascript" },
  "react-dom.production.min.js": { pkg: "react-dom", file: "umd/react-dom.production.min.js", type: "text/javascript" },
  "graphiql.min.js": { pkg: "graphiql", file: "graphiql.min.js", type: "text/javascript" },
  "graphiql.min.css": { pkg: "graphiql", file: "graphiql.min.css", type: "text/css" },
};

/** The bundles are not in the packages' exports, so they are found from each package's root. */
function assetPath(asset: { pkg: string; file: string }): string {
  return join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file);
}

const DEFAULT_QUERY = `# Traguardo: the Piano degli Obiettivi 2019-2021 of the Comune di Milano
{
  orgUnits(asOf: "2019-12-31") {
    name
    head { name }
    objectives(year: 2019) { number title }
  }
}
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Traguardo · GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/graphiql.min.css">
</head>
<body style="margin:0">
  <div id="graphiql" style="height:100vh"></div>
  <script src="/explorer/react.production.min.js"></script>
  <script src="/explorer/react-dom.production.min.js"></script>
  <script src="/explorer/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }),
    );
  </script>
</body>
</html>
`;

export function explorerRouter(): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    res.type("html").send(PAGE);
  });
  router.get("/:asset", (req, res, next) => {
    const asset = ASSETS[req.params.asset];
    if (!asset) return next();
    res.type(asset.type).sendFile(assetPath(asset));
  });
  return router;
}
