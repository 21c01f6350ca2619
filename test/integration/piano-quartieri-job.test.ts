import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { pianoQuartieriJob } from "../../jobs/piano-quartieri.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { runJob } from "../../jobs/engine/run-job";
import { openWithPlan, testDatabases } from "../support/databases";

// School (300k): 2 milestones in 2019, 1 done; park (100k): 2, both done (one late, in December).
// (300k × 1 + 100k × 2) / (300k × 2 + 100k × 2) = 62.5%. A milestone of 2020 is not read for 2019.
const CSV = `intervention_id;budget;milestone_id;planned_date;done_date;physical_progress
SCUOLA;300.000,00;S1;31/03/2019;20/03/2019;
SCUOLA;300.000,00;S2;30/09/2019;;
PARCO;100.000,00;P1;30/06/2019;30/06/2019;
PARCO;100.000,00;P2;30/11/2019;20/12/2019;
PARCO;100.000,00;P3;31/03/2020;;
PIAZZA;-5;X1;31/05/2019;;
`;

describe.each(testDatabases)("the Piano Quartieri job on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openWithPlan(db);
  });
  afterAll(() => db.close(dataSource));

  it("measures the year's programme for the Solidale objective and the directorate objectives that repeat it", async () => {
    const inbox = mkdtempSync(join(tmpdir(), "traguardo-pq-"));
    writeFileSync(join(inbox, "cronoprogramma.csv"), CSV);
    const run = (await runJob(
      dataSource,
      {
        job: pianoQuartieriJob(),
        source: new CsvInbox(inbox),
        period: { year: 2019, kind: PeriodKind.YEAR, index: 0 },
        triggeredBy: "test",
      },
      { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 0 },
    ))!;
    expect(run).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 6, rowsAccepted: 4, rowsRejected: 1 });
    const kpis = new Map((await dataSource.manager.find(Kpi)).map((k) => [k.id, k.code]));
    const values = (await dataSource.manager.find(Measurement, { where: { jobRunId: run.id } })).map(
      (m) => `${kpis.get(m.kpiId)} = ${m.value}`,
    );
    expect(values.sort()).toEqual([
      "DIR-DG-2019-1-AVANZAMENTO = 62.5",
      "DIR-DO-2019-1-AVANZAMENTO = 62.5",
      "SOL-PIANO-QUARTIERI = 62.5",
    ]);
  });

  it("refuses a quarter, saying it measures whole years", async () => {
    const run = (await runJob(
      dataSource,
      {
        job: pianoQuartieriJob(),
        source: new CsvInbox(mkdtempSync(join(tmpdir(), "traguardo-pq-"))),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 2 },
        triggeredBy: "test",
      },
      { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 0 },
    ))!;
    expect(run).toMatchObject({
      status: JobRunStatus.FAILED,
      error: "piano-quartieri measures a whole year's programme: give a year, e.g. 2019",
    });
  });
});
