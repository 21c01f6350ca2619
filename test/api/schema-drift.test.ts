import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/project-root";
import { createSchema, printSortedSchema } from "../../src/schema";

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run schema` after changing the API)", async () => {
    const committed = readFileSync(join(projectRoot(), "schema.graphql"), "utf8");
    expect(printSortedSchema(await createSchema())).toBe(committed);
  });
});
