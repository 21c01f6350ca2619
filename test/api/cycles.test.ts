import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { PeriodKind } from "../../entities/enums";
import { AuditEvent } from "../../entities/audit-event.entity";
import { Measurement } from "../../entities/measurement.entity";
import { runJob } from "../../jobs/engine/run-job";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

describe.each(testDatabases)("evaluation cycles and reviews on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let nucleo: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "dg.staff");
    nucleo = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  const move = (to: string, headers: Record<string, string>, actKey?: string) =>
    api.graphql<{ moveCycle: { year: number; status: string } }>(
      `mutation { moveCycle(year: 2019, to: ${to}${actKey ? `, actKey: "${actKey}"` : ""}) { year status } }`,
      {},
      headers,
    );
  const record = (value: string) =>
    api.graphql<{ recordMeasurement: { id: string } }>(
      `mutation { recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "${value}" }) { id } }`,
      {},
      admin,
    );
  const solidale = async (asOf?: string) =>
    (
      await api.graphql<{
        objective: {
          attainment: {
            score: number | null;
            computedScore: number | null;
            reviews: Array<{ decision: string; score: number | null; comment: string }>;
            explain: string[];
          };
        };
      }>(
        `{ objective(key: "SOL-SOLIDALE") { attainment(year: 2019${asOf ? `, asOf: "${asOf}"` : ""}) { score computedScore reviews { decision score comment } explain } } }`,
      )
    ).data!.objective.attainment;

  it("lets the Nucleo override an attainment, keeping the computed value and every decision beside it", async () => {
    expect((await record("56")).errors).toBeUndefined(); // 56 / 70 = 0.8
    const contested = await api.graphql(
      'mutation { recordReview(input: { year: 2019, objectiveKey: "SOL-SOLIDALE", decision: CONTESTED }) { id } }',
      {},
      nucleo,
    );
    expect(contested.errors?.[0].message).toBe(
      "comment: a contested attainment needs the Nucleo's comments, in a sentence",
    );
    const override = await api.graphql(
      'mutation { recordReview(input: { year: 2019, objectiveKey: "SOL-SOLIDALE", decision: OVERRIDDEN, score: 1, comment: "Ritardi dovuti a cause esterne documentate" }) { decision decidedBy } }',
      {},
      nucleo,
    );
    expect(override.data).toEqual({ recordReview: { decision: "OVERRIDDEN", decidedBy: "nucleo.presidente" } });

    const now = await solidale();
    expect(now.score).toBe(1);
    // As known the day before, the override did not exist yet.
    const before = await solidale(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    expect([before.score, before.reviews]).toEqual([before.computedScore, []]);
    expect(now.computedScore).toBeCloseTo(0.8, 12);
    expect(now.reviews).toEqual([
      { decision: "OVERRIDDEN", score: 1, comment: "Ritardi dovuti a cause esterne documentate" },
    ]);
    expect(now.explain[now.explain.length - 1]).toMatch(
      /^rettificato dal Nucleo di Valutazione \(revisione \d+, EVALUATION_BOARD, \d\d\/\d\d\/\d{4} \d\d:\d\d\): 1 — Ritardi dovuti a cause esterne documentate$/,
    );
    const unitOnly = await api.graphql(
      'mutation { recordReview(input: { year: 2019, objectiveKey: "SOL-SOLIDALE", unitCode: "DG", decision: VALIDATED }) { id } }',
      {},
      nucleo,
    );
    expect(unitOnly.errors?.[0].extensions?.code).toBe("INVALID_INPUT");
    const byAdmin = await api.graphql(
      'mutation { recordReview(input: { year: 2019, unitCode: "DG", decision: VALIDATED }) { id } }',
      {},
      admin,
    );
    expect(byAdmin.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  const recordAct = (input: string, headers: Record<string, string>) =>
    api.graphql<{ recordAct: { key: string } }>(`mutation { recordAct(input: { ${input} }) { key } }`, {}, headers);

  it("moves the cycle step by step, each by its role, validation and reopening only with a recorded act", async () => {
    expect((await move("UNDER_REVIEW", admin)).data).toEqual({ moveCycle: { year: 2019, status: "UNDER_REVIEW" } });
    expect((await move("VALIDATED", admin, "NV-7-2020")).errors?.[0].message).toMatch(
      /needs the role EVALUATION_BOARD/,
    );
    expect((await move("VALIDATED", nucleo)).errors?.[0].message).toBe(
      "actKey: validation needs the act of the Nucleo di Valutazione",
    );
    // Any string used to pass: the act must be recorded, and be the Nucleo's.
    expect((await move("VALIDATED", nucleo, "NV-2020-05")).errors?.[0].message).toBe(
      "actKey: no act NV-2020-05 is recorded: record it first (recordAct: kind, number, date, subject)",
    );
    expect((await move("VALIDATED", nucleo, "GC-2187-2019")).errors?.[0].message).toBe(
      "actKey: GC-2187-2019 is a GIUNTA_RESOLUTION; this needs an act of kind EVALUATION_BOARD_MINUTES",
    );
    const minutes = 'kind: EVALUATION_BOARD_MINUTES, number: "7", date: "2020-06-30"';
    expect((await recordAct(`${minutes}, subject: "…"`, nucleo)).errors?.[0].message).toBe(
      "subject: say what the act is about in a sentence, such as its title",
    );
    expect(
      (await recordAct(`${minutes}, subject: "Validazione della Relazione 2019"`, admin)).errors?.[0].message,
    ).toBe("Forbidden: recording an act of kind EVALUATION_BOARD_MINUTES needs the role EVALUATION_BOARD");
    expect((await recordAct(`${minutes}, subject: "Validazione della Relazione 2019"`, nucleo)).data).toEqual({
      recordAct: { key: "NV-7-2020" },
    });
    // Three Solidali have no value yet: the gate cannot be judged, so the year cannot be validated.
    expect((await move("VALIDATED", nucleo, "NV-7-2020")).errors?.[0].message).toBe(
      "to: the Solidale gate of 2019 cannot be judged (SOL-ATTRATTIVA, SOL-DIGITALE, SOL-AMBIENTE incomplete): score or override those objectives, or record the Nucleo's decision on the gate, before validating",
    );
    const decision = await api.graphql(
      'mutation { recordReview(input: { year: 2019, gateOpen: false, decision: OVERRIDDEN, comment: "Obiettivi solidali non raggiunti secondo la Relazione" }) { gateOpen } }',
      {},
      nucleo,
    );
    expect(decision.data).toEqual({ recordReview: { gateOpen: false } });
    expect((await move("VALIDATED", nucleo, "NV-7-2020")).data).toEqual({
      moveCycle: { year: 2019, status: "VALIDATED" },
    });
    expect((await move("CLOSED", admin)).data).toEqual({ moveCycle: { year: 2019, status: "CLOSED" } });
    const { data } = await api.graphql<{
      cycles: Array<{
        year: number;
        status: string;
        transitions: Array<{ fromStatus: string; toStatus: string; actor: string; actKey: string | null }>;
      }>;
    }>("{ cycles { year status transitions { fromStatus toStatus actor actKey } } }", {}, await bearer(["ADMIN"]));
    expect(data!.cycles.map((c) => [c.year, c.status])).toEqual([
      [2019, "CLOSED"],
      [2020, "OPEN"],
      [2021, "OPEN"],
    ]);
    expect(data!.cycles[0].transitions).toEqual([
      { fromStatus: "OPEN", toStatus: "UNDER_REVIEW", actor: "dg.staff", actKey: null },
      { fromStatus: "UNDER_REVIEW", toStatus: "VALIDATED", actor: "nucleo.presidente", actKey: "NV-7-2020" },
      { fromStatus: "VALIDATED", toStatus: "CLOSED", actor: "dg.staff", actKey: null },
    ]);
    // A dashboard sees the roles that move cycles, not who moved them (issue 14, item 20).
    const anonymous = await api.graphql<{ cycles: Array<{ transitions: Array<{ actor: string }> }> }>(
      "{ cycles { transitions { actor } } }",
    );
    expect(new Set(anonymous.data!.cycles.flatMap((c) => c.transitions.map((t) => t.actor)))).toEqual(
      new Set(["ADMIN | EVALUATION_BOARD"]),
    );
  });

  it("refuses every write that would change the closed year, and changes nothing", async () => {
    const before = await Promise.all([dataSource.manager.count(Measurement), dataSource.manager.count(AuditEvent)]);
    const [measurement] = await dataSource.manager.find(Measurement, { where: { year: 2019 } });
    const id = (await api.graphql<{ objective: { id: string } }>('{ objective(key: "DIR-EDU-2019-3") { id } }')).data!
      .objective.id;
    const writes = [
      await record("70"),
      await api.graphql(
        `mutation { correctMeasurement(input: { measurementId: "${measurement.id}", value: "70", reason: "Rettifica tardiva" }) { id } }`,
        {},
        admin,
      ),
      await api.graphql(
        `mutation { renameObjective(input: { act: { kind: GIUNTA_RESOLUTION, number: "2187", date: "2019-12-06" }, reason: FORM_ONLY, objectiveId: "${id}", newTitle: "Titolo nuovo" }) { id } }`,
        {},
        admin,
      ),
      await api.graphql(
        'mutation { recordReview(input: { year: 2019, unitCode: "EDU", decision: VALIDATED }) { id } }',
        {},
        nucleo,
      ),
    ];
    for (const { errors } of writes) {
      expect(errors?.[0].extensions?.code).toBe("CYCLE_CLOSED");
      expect(errors![0].message).toBe("The evaluation of 2019 is closed: reopen it by act to change its figures");
    }
    const run = (await runJob(
      dataSource,
      {
        job: paymentTimelinessJob(),
        source: new CsvInbox(mkdtempSync(join(tmpdir(), "traguardo-closed-"))),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 0 },
    ))!;
    expect(run).toMatchObject({
      status: "FAILED",
      error: "The evaluation of 2019 is closed: reopen it by act to change its figures",
    });
    expect(await Promise.all([dataSource.manager.count(Measurement), dataSource.manager.count(AuditEvent)])).toEqual(
      before,
    );
    // Other years stay open.
    expect(
      (
        await api.graphql(
          'mutation { recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2020, periodKind: YEAR, value: "88" }) { id } }',
          {},
          admin,
        )
      ).errors,
    ).toBeUndefined();
  });

  it("reopens a closed year only by act, and then accepts writes again", async () => {
    expect((await move("OPEN", admin)).errors?.[0].message).toBe(
      "actKey: reopening a closed year needs the act that reopens it",
    );
    expect((await move("OPEN", admin, "GC-99-2020")).errors?.[0].message).toMatch(
      /^actKey: no act GC-99-2020 is recorded/,
    );
    await recordAct(
      'kind: GIUNTA_RESOLUTION, number: "99", date: "2020-07-10", subject: "Riapertura della valutazione 2019"',
      admin,
    );
    expect((await move("OPEN", admin, "GC-99-2020")).data).toEqual({ moveCycle: { year: 2019, status: "OPEN" } });
    const [measurement] = await dataSource.manager.find(Measurement, { where: { year: 2019 } });
    expect(
      (
        await api.graphql(
          `mutation { correctMeasurement(input: { measurementId: "${measurement.id}", value: "70", reason: "Rettifica dopo la riapertura" }) { id } }`,
          {},
          admin,
        )
      ).errors,
    ).toBeUndefined();
  });
});
