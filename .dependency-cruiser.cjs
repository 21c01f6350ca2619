/**
 * The import graph's rules (DESIGN.md §5): arrows go one way, resolvers, jobs and CLIs → services →
 * pure rules → entities, with no circles. `npm run lint` fails on any of these.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle: break it so arrows go one way",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-not-into-resolvers",
      severity: "error",
      comment: "Domain code under src/ (and jobs/, entities/) must not reach up into the GraphQL resolvers",
      // The composition roots (schema, HTTP server, start-up, command-line tools) assemble the resolvers.
      from: { path: "^(src|jobs|entities)/", pathNot: "^src/(schema|main)\\.ts$|^src/(http|cli)/" },
      to: { path: "^resolvers/" },
    },
    {
      name: "entities-stay-at-the-bottom",
      severity: "error",
      comment: "Entities are the bottom layer: they import only other entities",
      from: { path: "^entities/" },
      to: { path: "^(src|resolvers|jobs)/" },
    },
    {
      name: "plan-import-sheets-stay-pure",
      severity: "error",
      comment: "Reading and checking a workbook needs no database: src/plan-import/store/ is the step that does",
      from: { path: "^src/plan-import/sheets/" },
      to: { path: "node_modules/typeorm|^src/plan-import/store/|^src/database\\.ts$" },
    },
    {
      name: "runtime-not-into-migrations",
      severity: "error",
      comment: "Runtime code must not depend on a migration: migrations are history, frozen once written",
      from: {
        path: "^(src|jobs|resolvers|entities)/",
        pathNot: "^src/(migrations|cli)/|^src/database\\.ts$|^src/prepare-database\\.ts$",
      },
      to: { path: "^src/migrations/" },
    },
    {
      name: "dashboard-only-through-graphql",
      severity: "error",
      comment: "The dashboard (web/) reaches the server only through the public GraphQL API, never its code",
      from: { path: "^web/" },
      to: { path: "^(src|resolvers|entities|jobs)/|^ormconfig\\.ts$" },
    },
    {
      name: "server-not-into-dashboard",
      severity: "error",
      comment: "The server serves the dashboard's built files; it imports none of its sources",
      from: { path: "^(src|resolvers|entities|jobs)/" },
      to: { path: "^web/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(dist|node_modules|test)/" },
  },
};
