import { DataSource, QueryFailedError } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { insertRows } from "../../src/storage/insert-rows";
import { testDatabases } from "../support/databases";

/** Rows of every kind a frozen eligibility holds: nulls, booleans, decimals, quotes and accents in text. */
const rowsFor = (snapshotId: number, count: number, prefix: string): Array<Partial<FrozenEligibility>> =>
  Array.from({ length: count }, (_, i) => ({
    snapshotId,
    employeeId: i + 1,
    employeeCode: `${prefix}${String(i).padStart(5, "0")}`,
    employeeName: i % 2 ? `D'Angelo Niccolò ${i}` : `Rossi "Mario" ${i}`,
    category: "STAFF",
    status: i % 3 ? "COMPLETE" : "INCOMPLETE",
    reasons: i % 3 ? null : JSON.stringify([{ kind: "NO_ASSESSMENT", year: 2019 }]),
    gateOpen: i % 5 !== 0,
    unitScore: i % 3 ? "0.812345" : null,
    individualScore: i % 3 ? String(40 + (i % 60)) + ".500000" : null,
    composite: i % 3 ? "0.700001" : null,
    payableShare: i % 3 ? "0.650000" : null,
    maggiorazione: i % 7 ? "0.000000" : "0.195000",
    art69Rank: i % 3 ? i : null,
    amount: i % 3 ? `${1000 + i}.0${i % 10}` : null,
    days: "365.000000",
    inputs: JSON.stringify({ assignments: [{ unitCode: "EDU", from: "2019-01-01", share: 0.5 }], assessment: i }),
  }));

describe.each(testDatabases)("writing rows in multi-row INSERTs on $name", (db) => {
  let dataSource: DataSource;
  let snapshotId: number;
  beforeAll(async () => {
    dataSource = await db.open();
    const inserted = await dataSource.manager.insert(CycleSnapshot, {
      year: 2019,
      takenAt: new Date("2020-06-30T10:00:00Z"),
      takenBy: "test",
      ruleSetVersion: 0,
      gate: "{}",
    });
    snapshotId = inserted.identifiers[0].id as number;
  });
  afterAll(() => db.close(dataSource));

  const read = async (prefix: string) =>
    (await dataSource.manager.find(FrozenEligibility, { order: { employeeCode: "ASC" } }))
      .filter((r) => r.employeeCode.startsWith(prefix))
      .map(({ id: _id, employeeCode, ...rest }) => ({ ...rest, employeeCode: employeeCode.slice(prefix.length) }));

  it("writes, over several statements, the rows TypeORM's insert writes, in their order", async () => {
    // 2,345 rows: two full statements of 1,000 and a last one of 345.
    await dataSource.transaction((manager) => insertRows(manager, FrozenEligibility, rowsFor(snapshotId, 2_345, "A")));
    await dataSource.transaction(async (manager) => {
      const rows = rowsFor(snapshotId, 2_345, "B");
      for (let i = 0; i < rows.length; i += 500) await manager.insert(FrozenEligibility, rows.slice(i, i + 500));
    });
    const written = await read("A");
    expect(written).toHaveLength(2_345);
    expect(written).toEqual(await read("B"));
    const ids = (await dataSource.manager.find(FrozenEligibility, { order: { id: "ASC" } }))
      .filter((r) => r.employeeCode.startsWith("A"))
      .map((r) => r.employeeCode);
    expect(ids).toEqual([...ids].sort());
  });

  it("takes the rows from a generator", async () => {
    const rows = function* () {
      yield* rowsFor(snapshotId, 1_200, "C");
    };
    await dataSource.transaction((manager) => insertRows(manager, FrozenEligibility, rows()));
    expect(await read("C")).toEqual((await read("A")).slice(0, 1_200));
  });

  it("leaves nothing written when a later statement fails, and the connections stay usable", async () => {
    const rows = rowsFor(snapshotId, 2_500, "D");
    rows[1_700].days = null as unknown as string; // NOT NULL: refused in the second statement
    await expect(dataSource.transaction((manager) => insertRows(manager, FrozenEligibility, rows))).rejects.toThrow(
      QueryFailedError,
    );
    expect(await read("D")).toEqual([]);
    await dataSource.transaction((manager) => insertRows(manager, FrozenEligibility, rowsFor(snapshotId, 3, "E")));
    expect(await read("E")).toHaveLength(3);
  });

  it("writes only in the caller's transaction", async () => {
    await expect(insertRows(dataSource.manager, FrozenEligibility, rowsFor(snapshotId, 1, "F"))).rejects.toThrow(
      "insertRows writes in the caller's transaction",
    );
  });
});
