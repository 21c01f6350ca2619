import { DataSource } from "typeorm";
import { DataVersion, PEOPLE } from "../../entities/data-version.entity";
import { ActKind, CycleStatus, Role } from "../../entities/enums";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { createAttainmentService } from "../../src/attainment/attainment-service";
import { YearDataCache } from "../../src/attainment/year-data-cache";
import { recordAct } from "../../src/cycles/acts";
import { moveCycle } from "../../src/cycles/move-cycle";
import { computeCycleEligibility } from "../../src/incentives/cycle-eligibility";
import { PreparedEligibility } from "../../src/incentives/prepared-eligibility";
import { watchTransactions } from "../../src/embedded-transactions";
import { importPeople } from "../../src/people/import-people";
import { preparedEligibility as reads } from "../../src/metrics";
import { countedOnce } from "../../src/storage/counted-once";
import { bearer, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";
import { overrideEduTo076 } from "../support/nucleo-overrides";

const ADMIN = { subject: "hr.office", roles: [Role.ADMIN], units: [] };
const NUCLEO = { subject: "nucleo.presidente", roles: [Role.EVALUATION_BOARD], units: [] };

/** How many reads of a prepared eligibility found it current, in this process. */
const currentReads = async () => (await reads.get()).values.find((v) => v.labels.result === "current")?.value ?? 0;

const peopleCount = async (dataSource: DataSource) =>
  (await dataSource.manager.findOneByOrFail(DataVersion, { name: PEOPLE })).version;

describe.each(testDatabases)("the eligibility prepared ahead of validation on $name", (db) => {
  let dataSource: DataSource;
  let other: DataSource;
  const attainment = () => createAttainmentService(dataSource, new YearDataCache(dataSource));

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    other = await db.twin(dataSource);
    // EDU scores 0.76, and every Solidale is reached.
    await overrideEduTo076(dataSource);
    await importPeople(dataSource, ADMIN, {
      employees: "matricola;nome;categoria\nS001;Paolo Rossi;DIPENDENTE\nS002;Giulia Verdi;DIPENDENTE\n",
      assignments: "matricola;unita;dal;al;quota\nS001;EDU;01/01/2019;;1\nS002;EDU;01/01/2019;;1\n",
      assessments: "matricola;anno;punteggio\nS001;2019;80\nS002;2019;90\n",
    });
    await moveCycle(dataSource, attainment(), ADMIN, {
      year: 2019,
      to: CycleStatus.UNDER_REVIEW,
      actKey: null,
      note: null,
    });
    await recordAct(dataSource, NUCLEO, {
      kind: ActKind.EVALUATION_BOARD_MINUTES,
      number: "7",
      date: "2020-06-30",
      subject: "Validazione della Relazione sulla Performance 2019",
    });
  });
  afterAll(async () => {
    if (other !== dataSource) await other?.destroy();
    await db.close(dataSource);
  });

  const validate = (prepared: PreparedEligibility) =>
    moveCycle(
      dataSource,
      attainment(),
      NUCLEO,
      { year: 2019, to: CycleStatus.VALIDATED, actKey: "NV-7-2020", note: null },
      { prepared },
    );
  const sendBack = () =>
    moveCycle(dataSource, attainment(), NUCLEO, {
      year: 2019,
      to: CycleStatus.UNDER_REVIEW,
      actKey: "NV-7-2020",
      note: null,
    });
  /** The latest snapshot's rows: employee, assessment and payable share. */
  const frozen = async () => {
    const [snapshot] = await dataSource.manager.find(CycleSnapshot, { order: { id: "DESC" }, take: 1 });
    return (
      await dataSource.manager.find(FrozenEligibility, { where: { snapshotId: snapshot.id }, order: { id: "ASC" } })
    ).map((row) => [row.employeeCode, Number(row.individualScore), Number(row.payableShare)]);
  };

  it("prepares the year under review, the figures a fresh computation gives, and validation freezes them", async () => {
    const prepared = new PreparedEligibility(watchTransactions(dataSource));
    expect(await prepared.prepareYearUnderReview(dataSource, attainment())).toBe(2019);
    // Nothing changed: the next pass computes nothing.
    expect(await prepared.prepareYearUnderReview(dataSource, attainment())).toBeNull();
    const kept = await prepared.current(dataSource.manager, 2019);
    expect(kept).not.toBeNull();
    const afresh = await computeCycleEligibility(dataSource, attainment().afresh(), 2019);
    expect(kept!.rows).toEqual(afresh.rows);
    expect(kept!.rows.map((r) => [r.employee.code, r.payableShare?.toFixed(6)])).toEqual([
      ["S001", "0.784000"],
      ["S002", "0.844000"],
    ]);
    expect(await prepared.current(dataSource.manager, 2020)).toBeNull();

    await validate(prepared);
    expect(await frozen()).toEqual([
      ["S001", 80, 0.784],
      ["S002", 90, 0.844],
    ]);
    // Validated: no year is under review, and the figures are let go.
    expect(await prepared.prepareYearUnderReview(dataSource, attainment())).toBeNull();
    expect(await prepared.current(dataSource.manager, 2019)).toBeNull();
    await sendBack();
  });

  it("is stale after a write by another server in plain SQL, and validation computes the figures afresh", async () => {
    const prepared = new PreparedEligibility(watchTransactions(dataSource));
    expect(await prepared.prepareYearUnderReview(dataSource, attainment())).toBe(2019);
    await other.query("UPDATE individual_assessment SET score = 95 WHERE year = 2019");
    expect(await prepared.current(dataSource.manager, 2019)).toBeNull();
    await validate(prepared);
    expect(await frozen()).toEqual([
      ["S001", 95, 0.874],
      ["S002", 95, 0.874],
    ]);
    await sendBack();
    // Each table it reads is counted: the staff, the plan and reviews, attainment's inputs.
    for (const write of [
      "UPDATE employee SET name = 'Paolo Rossi Bianchi' WHERE code = 'S001'",
      "UPDATE assignment SET share = 1",
      "UPDATE objective SET title = 'Titolo corretto' WHERE id = 1",
      "UPDATE kpi SET name = 'Nome corretto' WHERE id = 1",
    ]) {
      expect(await prepared.prepareYearUnderReview(dataSource, attainment())).toBe(2019);
      await other.query(write);
      expect({ write, current: await prepared.current(dataSource.manager, 2019) }).toEqual({ write, current: null });
    }
  });

  it("counts the people import once, and every row written outside it", async () => {
    const before = await peopleCount(dataSource);
    await importPeople(dataSource, ADMIN, {
      employees: "matricola;nome;categoria\nS003;Luca Neri;DIPENDENTE\nS004;Anna Bruni;DIPENDENTE\n",
      assignments: "matricola;unita;dal\nS003;EDU;01/06/2019\nS004;EDU;01/06/2019\n",
      assessments: "matricola;anno;punteggio\nS003;2019;70\nS004;2019;75\n",
    });
    const afterImport = await peopleCount(dataSource);
    // Six rows: MariaDB's triggers stand aside and the import counts once; SQLite's count each row.
    expect(afterImport - before).toBe(db.name === "mysql" ? 1 : 6);
    await other.query("UPDATE individual_assessment SET score = 60 WHERE year = 2019");
    expect((await peopleCount(dataSource)) - afterImport).toBe(4);
  });

  it("clears the bulk write's session variable however the work ends, and rolls back its count with it", async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const before = await peopleCount(dataSource);
      await runner.startTransaction();
      await expect(
        countedOnce(runner.manager, PEOPLE, async () => {
          await runner.query("UPDATE individual_assessment SET score = 61 WHERE year = 2019");
          throw new Error("the import failed half way");
        }),
      ).rejects.toThrow("the import failed half way");
      await runner.rollbackTransaction();
      expect(await peopleCount(dataSource)).toBe(before);
      // The same connection, after it: each row counted again.
      await runner.query("UPDATE individual_assessment SET score = 62 WHERE year = 2019");
      expect((await peopleCount(dataSource)) - before).toBe(4);
    } finally {
      await runner.release();
    }
  });

  it("is prepared by the server while the year is under review, and its validation freezes it", async () => {
    const api = await startApi(dataSource, { PRECOMPUTE_SECONDS: "1" });
    try {
      const admin = await bearer(["ADMIN"], [], "hr.office");
      const board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
      const before = await currentReads();
      // The preview the Nucleo looks at is answered from it, once a pass has prepared it.
      for (let waited = 0; (await currentReads()) === before; waited += 200) {
        if (waited > 20_000) throw new Error("the server prepared no eligibility in 20 s");
        const { data } = await api.graphql<{ eligibility: { totalCount: number } }>(
          "{ eligibility(year: 2019) { totalCount } }",
          {},
          admin,
        );
        expect(data?.eligibility.totalCount).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const previewed = await currentReads();
      const afresh = (await computeCycleEligibility(dataSource, attainment().afresh(), 2019)).rows.map((row) => [
        row.employee.code,
        row.individualScore,
        Number(row.payableShare!.toFixed(6)),
      ]);
      const { errors } = await api.graphql(
        'mutation { moveCycle(year: 2019, to: VALIDATED, actKey: "NV-7-2020") { status } }',
        {},
        board,
      );
      expect(errors).toBeUndefined();
      expect((await currentReads()) - previewed).toBe(1);
      expect(await frozen()).toEqual(afresh);
      await sendBack();
    } finally {
      await api.close();
    }
  });

  it("keeps nothing read while a transaction is open on the embedded SQLite; on MariaDB reads only what was committed", async () => {
    const prepared = new PreparedEligibility(watchTransactions(dataSource));
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query("UPDATE individual_assessment SET score = 10 WHERE year = 2019");
      // SQLite's one connection would read the uncommitted scores: nothing is kept.
      expect(await prepared.prepareYearUnderReview(dataSource, attainment())).toBe(db.name === "mysql" ? 2019 : null);
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    const kept = await prepared.current(dataSource.manager, 2019);
    if (db.name === "mysql") expect(kept!.rows.map((r) => r.individualScore)).not.toContain(10);
    else expect(kept).toBeNull();
  });
});
