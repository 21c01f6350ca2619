import { isEnumType } from "graphql";
import { DataSource } from "typeorm";
import { ENUM_LABELS } from "../../src/enum-labels";
import { createSchema } from "../../src/schema";
import { RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

describe("Italian labels of the enums", () => {
  it("label every value of every enum in the schema, and nothing else", async () => {
    const schema = await createSchema();
    const enums = Object.values(schema.getTypeMap()).filter((type) => isEnumType(type) && !type.name.startsWith("__"));
    const fromSchema = Object.fromEntries(
      enums.map((type) => [
        type.name,
        isEnumType(type)
          ? type
              .getValues()
              .map((v) => v.value as string)
              .sort()
          : [],
      ]),
    );
    const labelled = Object.fromEntries(
      Object.entries(ENUM_LABELS).map(([name, labels]) => [name, Object.keys(labels).sort()]),
    );
    expect(labelled).toEqual(fromSchema);
    for (const labels of Object.values(ENUM_LABELS))
      for (const label of Object.values(labels)) expect(label).toMatch(/^\p{Lu}/u);
  });

  describe("over HTTP", () => {
    const db = testDatabases[0];
    let dataSource: DataSource;
    let api: RunningApi;
    beforeAll(async () => {
      dataSource = await openWithPlan(db);
      api = await startApi(dataSource);
    });
    afterAll(async () => {
      await api.close();
      await db.close(dataSource);
    });

    it("answers one enum's labels, or all, and refuses an enum that does not exist", async () => {
      const one = await api.graphql('{ labels(enum: "StaffCategory") { name values { value label } } }');
      expect(one.data).toEqual({
        labels: [
          {
            name: "StaffCategory",
            values: [
              { value: "MANAGER", label: "Dirigente" },
              { value: "PO", label: "Posizione Organizzativa" },
              { value: "STAFF", label: "Dipendente" },
            ],
          },
        ],
      });
      const all = await api.graphql<{ labels: Array<{ name: string }> }>("{ labels { name } }");
      expect(all.data!.labels.map((l) => l.name)).toContain("AttainmentStatus");
      const unknown = await api.graphql('{ labels(enum: "toString") { name } }');
      expect(unknown.errors?.[0]).toMatchObject({
        message: 'enum: no enum of the API is called "toString"',
        extensions: { code: "INVALID_INPUT" },
      });
    });
  });
});
