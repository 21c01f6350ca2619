import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { PhaseProgress } from "../../entities/enums";
import { MonitoringReport } from "../../entities/monitoring-report.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { projectRoot } from "../../src/project-root";
import { bearer, RunningApi, startApi } from "../support/api";
import { tableCounts, testDatabases } from "../support/databases";

/** The GENERATED Comune di Esempio as shipped, loaded into an empty database and scored for 2020. */
const WORKBOOK = join(projectRoot(), "data", "generated", "comune-esempio.xlsx");

describe.each(testDatabases)("the GENERATED Comune di Esempio on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  const graphql = async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await api.graphql<T>(query, variables, admin);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  /** A directorate's monitoring report marking phases done (no monitoring API yet: written as the API will). */
  const reportDone = async (objectiveKey: string, unitCode: string, done: Record<string, string>) => {
    const objective = await dataSource.manager.findOneByOrFail(Objective, { key: objectiveKey });
    const unit = await dataSource.manager.findOneByOrFail(OrgUnit, { code: unitCode });
    await dataSource.manager.insert(MonitoringReport, {
      objectiveId: objective.id,
      unitId: unit.id,
      monitoringDate: "2020-12-31",
      phases: Object.entries(done).map(([phaseCode, date]) => ({
        phaseCode,
        progress: PhaseProgress.DONE,
        date,
        evidence: null,
      })),
      gaps: [],
      measurementIds: [],
      note: null,
      reportedBy: "test",
      reportedAt: new Date(),
      supersedesId: null,
    });
  };

  beforeAll(async () => {
    dataSource = await db.open();
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "ufficio.pianificazione");
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
  });

  it("loads into an empty database by the act given: the administration, its units, objectives and schede", async () => {
    expect((await tableCounts(dataSource)).Administration).toBe(0);
    const { importSchede } = await graphql<{ importSchede: { summary: string[] } }>(
      `
        mutation ($input: ImportSchedeInput!) {
          importSchede(input: $input) {
            summary
          }
        }
      `,
      {
        input: {
          fileName: "comune-esempio.xlsx",
          contentBase64: readFileSync(WORKBOOK).toString("base64"),
          act: {
            kind: "DG_DETERMINATION",
            number: "100",
            date: "2020-02-14",
            subject: "Approvazione delle schede (GENERATED)",
          },
          reason: "CHANGED_PRIORITIES",
        },
      },
    );
    expect(importSchede.summary).toEqual([
      "Importato con l'atto DDG-100-2020 (registrato ora):",
      "Ente — piano: 1 creato",
      "Unità — unità: 6 create",
      "Obiettivi — obiettivi: 10 creati",
      "Indicatori — indicatori: 13 creati",
      "Indicatori — target: 17 creati",
      "Fasi — fasi: 9 create",
      "Cambiamenti del piano registrati dall'atto: 49",
    ]);
    const { plan } = await graphql<{ plan: { title: string; acts: Array<{ key: string }> } }>(
      "{ plan { title acts { key } } }",
    );
    expect(plan).toEqual({ title: "Piano degli Obiettivi 2020-2022 (GENERATED)", acts: [{ key: "DDG-100-2020" }] });
    const counts = await tableCounts(dataSource);
    expect(counts).toMatchObject({ Administration: 1, Plan: 1, OrgUnit: 6, Objective: 10, EvaluationCycle: 3 });
  });

  it("scores each objective of 2020 from the values recorded and the phases reported done", async () => {
    const values: Record<string, string> = {
      "SOL-COESIONE-K1": "70",
      "GES-TRASPARENZA-K1": "90",
      "SAL-TEMPESTIVITA-ITP": "6",
      "SAL-PRESENZE-K1": "85",
      "POR-INFANZIA-COSTO": "10500",
      "POR-INFANZIA-POSTI": "380",
      "DIR-FIN-2020-1-K1": "1500000",
      "DIR-TEC-2020-1-K1": "0.7",
      "DIR-SEG-2020-1-K1": "90",
    };
    for (const [kpiCode, value] of Object.entries(values))
      await graphql(
        `mutation { recordMeasurement(input: { kpiCode: "${kpiCode}", year: 2020, periodKind: YEAR, value: "${value}" }) { id } }`,
      );
    await reportDone("SOL-QUARTIERI", "TEC", { "SOL-QUARTIERI-F1": "2020-06-20", "SOL-QUARTIERI-F2": "2020-12-20" });
    await reportDone("DIR-SOC-2020-1", "SOC", { "DIR-SOC-2020-1-F1": "2020-03-15", "DIR-SOC-2020-1-F2": "2020-07-10" });
    await reportDone("DIR-TEC-2020-1", "TEC", { "DIR-TEC-2020-1-F1": "2020-04-30", "DIR-TEC-2020-1-F2": "2020-10-15" });

    const keys = [
      "SOL-COESIONE",
      "SOL-QUARTIERI",
      "GES-TRASPARENZA",
      "SAL-TEMPESTIVITA",
      "SAL-PRESENZE",
      "POR-INFANZIA",
      "DIR-FIN-2020-1",
      "DIR-SOC-2020-1",
      "DIR-TEC-2020-1",
      "DIR-SEG-2020-1",
    ];
    const data = await graphql<Record<string, { attainment: { status: string; score: number } }>>(
      `{ ${keys.map((key, i) => `o${i}: objective(key: "${key}") { attainment(year: 2020) { status score } }`).join(" ")} }`,
    );
    const scores = Object.fromEntries(keys.map((key, i) => [key, data[`o${i}`].attainment.score]));
    expect(keys.map((_key, i) => data[`o${i}`].attainment.status)).toEqual(keys.map(() => "SCORED"));
    // "> 70" with 70 measured: linear (70 − 50) / (70 − 50) = 1, but not exceeded, so held at 0.99.
    expect(scores["SOL-COESIONE"]).toBe(0.99);
    // Both 2020 phases done by 31/12/2020, the last planned that year: 1.
    expect(scores["SOL-QUARTIERI"]).toBe(1);
    // (90 − 80) / (100 − 80) = 0.5.
    expect(scores["GES-TRASPARENZA"]).toBe(0.5);
    // ITP 6 days, target 0, ceiling 30: (30 − 6) / (30 − 0) = 0.8; the invoices paid (weight 0) do not count.
    expect(scores["SAL-TEMPESTIVITA"]).toBeCloseTo(0.8, 10);
    // Range 90-100, tolerance 10: 85 is 5 below, (85 − 80) / 10 = 0.5.
    expect(scores["SAL-PRESENZE"]).toBe(0.5);
    // Cost 10500 against 9000, ceiling 12000: (12000 − 10500) / 3000 = 0.5; places 380 / 500 = 76% → band 70% → 0.7;
    // 0.5 × 0.5 + 0.5 × 0.7 = 0.6.
    expect(scores["POR-INFANZIA"]).toBeCloseTo(0.6, 10);
    // (1500000 − 1000000) / (2000000 − 1000000) = 0.5.
    expect(scores["DIR-FIN-2020-1"]).toBe(0.5);
    // Phase 1 (20) on time, phase 2 (30) late, phase 3 (50) not done: 20 / 100 = 0.2.
    expect(scores["DIR-SOC-2020-1"]).toBeCloseTo(0.2, 10);
    // (0.7 − 0.4) / (0.8 − 0.4) = 0.75 weighted 60, phases all done on time 1 weighted 40: 0.45 + 0.4 = 0.85.
    expect(scores["DIR-TEC-2020-1"]).toBeCloseTo(0.85, 10);
    // 90 reaches the target 90: 1.
    expect(scores["DIR-SEG-2020-1"]).toBe(1);

    const { attainment, orgUnit } = await graphql<{
      attainment: { gate: { open: boolean; score: number } };
      orgUnit: { attainment: { direzione: { score: number } } };
    }>(`
      {
        attainment(year: 2020) {
          gate {
            open
            score
          }
        }
        orgUnit(code: "TEC", asOf: "2020-12-31") {
          attainment(year: 2020) {
            direzione {
              score
            }
          }
        }
      }
    `);
    // The Solidali: (0.99 + 1) / 2 = 0.995, and the gate (each at 100%) stays closed: 70 is not "> 70".
    expect(attainment.gate.open).toBe(false);
    expect(attainment.gate.score).toBeCloseTo(0.995, 10);
    expect(orgUnit.attainment.direzione.score).toBeCloseTo(0.85, 10);
  });
});
