/** Writes schema.graphql from the code (npm run schema); a test fails when the committed file drifts. */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../project-root";
import { createSchema, printSortedSchema } from "../schema";

createSchema()
  .then((schema) => {
    const file = join(projectRoot(), "schema.graphql");
    writeFileSync(file, printSortedSchema(schema));
    console.log(`Wrote ${file}`);
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
