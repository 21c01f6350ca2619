import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { Assignment } from "../../entities/assignment.entity";
import { AuditEvent } from "../../entities/audit-event.entity";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { PeriodKind, ReviewDecision, Role } from "../../entities/enums";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { IndividualAssessment } from "../../entities/individual-assessment.entity";
import { Measurement } from "../../entities/measurement.entity";
import { Review } from "../../entities/review.entity";
import { recordReview } from "../../src/cycles/reviews";
import { runJob } from "../../jobs/engine/run-job";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const VALIDATED =
  "The evaluation of 2019 is validated: its figures are frozen until the Nucleo di Valutazione sends it back to review by act";

interface Row {
  employee: { code: string; name: string };
  status: string;
  missing: string | null;
  payableShare: number | null;
  provisional: boolean;
}

describe.each(testDatabases)("validation freezes the year on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let board: Record<string, string>;
  let payroll: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "hr.office");
    board = await bearer(["EVALUATION_BOARD"], [], "nucleo.presidente");
    payroll = await bearer(["PAYROLL"], [], "ufficio.stipendi");
    // EDU scores 0.7 × 0.7 + 0.3 × 0.9 = 0.76. Only SOL-SOLIDALE gets a value (the Piano Quartieri's,
    // below): the three other Solidali keep the gate from being judged.
    const nucleo = { subject: "nucleo.presidente", roles: [Role.EVALUATION_BOARD], units: [] };
    const override = (objectiveKey: string | null, score: number) =>
      recordReview(dataSource, nucleo, {
        year: 2019,
        objectiveKey,
        unitCode: "EDU",
        gateOpen: null,
        decision: ReviewDecision.OVERRIDDEN,
        score,
        comment: "Punteggio fissato dal Nucleo per la prova",
      });
    for (const key of ["GES-ANTICORRUZIONE", "GES-PROGRAMMAZIONE", "GES-DIGITALIZZAZIONE", "GES-ERP"])
      await override(key, 0.9);
    await override(null, 0.7);
    const imported = await importPeople(
      "matricola;nome;categoria\nS001;Paolo Rossi;DIPENDENTE\nS002;Giulia Verdi;DIPENDENTE\n",
      "matricola;unita;dal;al;quota\nS001;EDU;01/01/2019;;1\nS002;EDU;01/01/2019;;1\n",
      "matricola;anno;punteggio\nS001;2019;80\nS002;2019;90\n",
    );
    expect(imported.errors).toBeUndefined();
    const recorded = await api.graphql(
      'mutation { recordMeasurement(input: { kpiCode: "SOL-PIANO-QUARTIERI", year: 2019, periodKind: YEAR, value: "56" }) { id } }',
      {},
      admin,
    );
    expect(recorded.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  function importPeople(employees: string, assignments: string, assessments: string) {
    return api.graphql<{ importPeople: number }>(
      "mutation($e: String, $a: String, $s: String) { importPeople(employees: $e, assignments: $a, assessments: $s) }",
      { e: employees, a: assignments, s: assessments },
      admin,
    );
  }
  const eligibility = async (headers: Record<string, string>) =>
    await api.graphql<{ eligibility: { nodes: Row[] } }>(
      "{ eligibility(year: 2019) { nodes { employee { code name } status missing payableShare provisional } } }",
      {},
      headers,
    );
  const move = (to: string, headers: Record<string, string>, actKey?: string) =>
    api.graphql(
      `mutation { moveCycle(year: 2019, to: ${to}${actKey ? `, actKey: "${actKey}"` : ""}) { status } }`,
      {},
      headers,
    );
  const minutes = (number: string, subject: string) =>
    api.graphql(
      `mutation { recordAct(input: { kind: EVALUATION_BOARD_MINUTES, number: "${number}", date: "2020-06-30", subject: "${subject}" }) { key } }`,
      {},
      board,
    );
  const exportCsv = async () =>
    await api.graphql<{ exportPayroll: string }>("mutation { exportPayroll(year: 2019) }", {}, payroll);

  it("makes every eligibility INCOMPLETE, never 0, while the gate cannot be judged, and refuses validation until the Nucleo decides on it", async () => {
    const before = (await eligibility(admin)).data!.eligibility.nodes;
    expect(before.map((r) => [r.employee.code, r.status, r.payableShare])).toEqual([
      ["S001", "INCOMPLETE", null],
      ["S002", "INCOMPLETE", null],
    ]);
    expect(before[0].missing).toBe(
      "obiettivi solidali non giudicabili: SOL-ATTRATTIVA, SOL-DIGITALE, SOL-AMBIENTE incompleto, nessuna decisione del Nucleo",
    );
    const report = await api.graphql<{ eligibilityReport: { gateOpen: boolean | null; warnings: string[] } }>(
      "{ eligibilityReport(year: 2019) { gateOpen warnings } }",
      {},
      admin,
    );
    expect(report.data!.eligibilityReport.gateOpen).toBeNull();
    expect(report.data!.eligibilityReport.warnings[0]).toMatch(/^The Solidale gate cannot be judged yet/);

    expect((await move("UNDER_REVIEW", admin)).errors).toBeUndefined();
    await minutes("7", "Validazione della Relazione sulla Performance 2019");
    expect((await move("VALIDATED", board, "NV-7-2020")).errors?.[0].message).toBe(
      "to: the Solidale gate of 2019 cannot be judged (SOL-ATTRATTIVA, SOL-DIGITALE, SOL-AMBIENTE incomplete): score or override those objectives, or record the Nucleo's decision on the gate, before validating",
    );

    const decided = await api.graphql(
      'mutation { recordReview(input: { year: 2019, gateOpen: true, decision: OVERRIDDEN, comment: "Obiettivi solidali raggiunti secondo la Relazione" }) { id } }',
      {},
      board,
    );
    expect(decided.errors).toBeUndefined();
    const gate = await api.graphql<{ attainment: { gate: Record<string, unknown> } }>(
      "{ attainment(year: 2019) { gate { open computedOpen reviews { gateOpen comment } } } }",
    );
    expect(gate.data!.attainment.gate).toEqual({
      open: true,
      computedOpen: null,
      reviews: [{ gateOpen: true, comment: "Obiettivi solidali raggiunti secondo la Relazione" }],
    });
    const after = (await eligibility(admin)).data!.eligibility.nodes;
    // Staff, full year: 0.4 × 0.76 + 0.6 × 0.8 = 0.784; 0.4 × 0.76 + 0.6 × 0.9 = 0.844.
    expect(after.map((r) => r.status)).toEqual(["COMPLETE", "COMPLETE"]);
    expect(after[0].payableShare).toBeCloseTo(0.784, 9);
    expect(after[1].payableShare).toBeCloseTo(0.844, 9);
  });

  it("shows payroll no provisional share before the Nucleo validates", async () => {
    for (const query of ["{ eligibility(year: 2019) { totalCount } }", "{ eligibilityReport(year: 2019) { paid } }"]) {
      const { errors } = await api.graphql(query, {}, payroll);
      expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(errors?.[0].message).toBe(
        "Forbidden: payroll sees the eligibility of 2019 once the Nucleo di Valutazione has validated it (it is UNDER_REVIEW)",
      );
    }
  });

  it("refuses from validation on every write that would change a 2019 figure, and changes nothing", async () => {
    expect((await move("VALIDATED", board, "NV-7-2020")).errors).toBeUndefined();
    const counted = [Measurement, Assignment, IndividualAssessment, IncentiveRuleSet, Review, AuditEvent];
    const before = await Promise.all(counted.map((entity) => dataSource.manager.count(entity)));
    const [measurement] = await dataSource.manager.find(Measurement, { where: { year: 2019 } });
    const objective = await api.graphql<{ objective: { id: string } }>('{ objective(key: "DIR-EDU-2019-3") { id } }');
    const writes = [
      'mutation { recordMeasurement(input: { kpiCode: "SOL-M4", year: 2019, periodKind: YEAR, value: "1" }) { id } }',
      `mutation { correctMeasurement(input: { measurementId: "${measurement.id}", value: "70", reason: "Rettifica tardiva" }) { id } }`,
      'mutation { setIncentiveRules(year: 2019, actKey: "GC-2187-2019", rules: { threshold: 0.5 }) { version } }',
      `mutation { renameObjective(input: { act: { kind: GIUNTA_RESOLUTION, number: "2187", date: "2019-12-06" }, reason: FORM_ONLY, objectiveId: "${objective.data!.objective.id}", newTitle: "Titolo nuovo" }) { id } }`,
    ];
    const refusals = [];
    for (const write of writes) refusals.push(await api.graphql(write, {}, admin));
    refusals.push(
      await api.graphql(
        'mutation { recordReview(input: { year: 2019, unitCode: "EDU", decision: OVERRIDDEN, score: 1, comment: "Revisione dopo la validazione" }) { id } }',
        {},
        board,
      ),
      await importPeople("", "", "matricola;anno;punteggio\nS001;2019;95\n"),
      // A new assignment from June 2019 (and so the new employee with it).
      await importPeople(
        "matricola;nome;categoria\nS003;Luca Neri;DIPENDENTE\n",
        "matricola;unita;dal\nS003;EDU;01/06/2019\n",
        "",
      ),
    );
    for (const { errors } of refusals) {
      expect(errors?.[0].extensions?.code).toBe("CYCLE_CLOSED");
      expect(errors![0].message).toBe(VALIDATED);
    }
    const run = (await runJob(
      dataSource,
      {
        job: paymentTimelinessJob(),
        source: new CsvInbox(mkdtempSync(join(tmpdir(), "traguardo-validated-"))),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 0 },
    ))!;
    expect(run).toMatchObject({ status: "FAILED", error: VALIDATED });
    expect(await Promise.all(counted.map((entity) => dataSource.manager.count(entity)))).toEqual(before);

    const seen = (await eligibility(payroll)).data!.eligibility.nodes;
    expect(seen.map((r) => [r.employee.code, r.status, r.provisional])).toEqual([
      ["S001", "COMPLETE", false],
      ["S002", "COMPLETE", false],
    ]);
    expect(seen[0].payableShare).toBe(0.784);
  });

  it("keeps the payroll file byte for byte until the Nucleo sends the year back by act, then freezes it again", async () => {
    const first = (await exportCsv()).data!.exportPayroll;
    expect(first).toContain("\r\nS001;Paolo Rossi;DIPENDENTE;2019;COMPLETO;;SI;0,76;80;0,784;0,784;0;;;365;;;0\r\n");
    // A change no guard sees (an employee renamed by hand) moves neither the file nor what payroll reads.
    await dataSource.query("UPDATE employee SET name = 'Paolo Rossi Bianchi' WHERE code = 'S001'");
    expect((await exportCsv()).data!.exportPayroll).toBe(first);
    expect((await eligibility(payroll)).data!.eligibility.nodes[0].employee.name).toBe("Paolo Rossi");

    expect((await move("UNDER_REVIEW", admin, "NV-7-2020")).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await move("UNDER_REVIEW", board)).errors?.[0].message).toBe(
      "actKey: sending a validated year back to review needs the act of the Nucleo di Valutazione",
    );
    await minutes("8", "Riesame della Relazione sulla Performance 2019");
    expect((await move("UNDER_REVIEW", board, "NV-8-2020")).errors).toBeUndefined();
    expect((await exportCsv()).errors?.[0].message).toBe(
      "year: 2019 is UNDER_REVIEW: the payroll export waits for the Nucleo di Valutazione to validate the year",
    );
    expect((await eligibility(payroll)).errors?.[0].extensions?.code).toBe("FORBIDDEN");

    expect((await importPeople("", "", "matricola;anno;punteggio\nS001;2019;100\n")).errors).toBeUndefined();
    await minutes("9", "Nuova validazione della Relazione sulla Performance 2019");
    expect((await move("VALIDATED", board, "NV-9-2020")).errors).toBeUndefined();
    const second = (await exportCsv()).data!.exportPayroll;
    // 0.4 × 0.76 + 0.6 × 1 = 0.904, under the name as it stands at the new validation.
    expect(second).toContain(
      "\r\nS001;Paolo Rossi Bianchi;DIPENDENTE;2019;COMPLETO;;SI;0,76;100;0,904;0,904;0;;;365;;;0\r\n",
    );
    expect(await dataSource.manager.count(CycleSnapshot, { where: { year: 2019 } })).toBe(2);
    expect((await exportCsv()).data!.exportPayroll).toBe(second);
  });
});
