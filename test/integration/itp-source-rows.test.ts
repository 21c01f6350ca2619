import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob } from "../../jobs/engine/run-job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { RejectedRow } from "../../entities/rejected-row.entity";
import { RowWarning } from "../../entities/row-warning.entity";
import { Period } from "../../src/periods";
import { openWithPlan, testDatabases } from "../support/databases";

/**
 * A credit note counts where its invoice was paid, whatever its own date (amounts in euro):
 *   K  received 31 Aug, due 30 Sep, paid 1000 on 30 Sep (Q3, 0 days); its note of 400 dated 15 Oct (Q4)
 *   L  received 1 Oct, due 31 Oct, paid 200 on 10 Nov (Q4, 10 days); credited in full by a note of 200
 *   M  received 1 Oct, due 31 Oct, paid 500 on 5 Nov (Q4, 5 days)
 *   N  a note of 80 for an invoice with no payment in 2019: refused, line 6
 * Q3: 600 paid, ITP 0 (the note reduced K in Q3, not Q4); 1 invoice.
 * Q4: only M: 500 × 5 / 500 = 5; 1 invoice (L credited in full is not an invoice paid); never a negative amount.
 * 2019: (600 × 0 + 500 × 5) / (600 + 500) = 2500 / 1100 = 2.2727272… → 2.272727 stored
 */
const CSV = `invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to
K;PAGAMENTO;31/08/2019;30;30/09/2019;1.000,00;;;
K;NOTA_CREDITO;31/08/2019;30;15/10/2019;400,00;;;
L;NOTA_CREDITO;01/10/2019;30;12/11/2019;200,00;;;
L;PAGAMENTO;01/10/2019;30;10/11/2019;200,00;;;
N;NOTA_CREDITO;01/10/2019;30;20/11/2019;80,00;;;
M;PAGAMENTO;01/10/2019;30;05/11/2019;500,00;;;
`;

describe.each(testDatabases)("the payment timeliness job's source rows on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await openWithPlan(db)));
  afterAll(() => db.close(dataSource));

  const run = async (csv: string, period: Period) => {
    const inbox = mkdtempSync(join(tmpdir(), "traguardo-itp-rows-"));
    writeFileSync(join(inbox, "pagamenti.csv"), csv);
    return (await runJob(
      dataSource,
      { job: paymentTimelinessJob(), source: new CsvInbox(inbox), period, triggeredBy: "test" },
      { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 1 },
    ))!;
  };
  const valuesOf = async (runId: number) => {
    const kpis = new Map((await dataSource.manager.find(Kpi)).map((k) => [k.id, k.code]));
    return (await dataSource.manager.find(Measurement, { where: { jobRunId: runId } })).map(
      (m) => `${kpis.get(m.kpiId)} ${m.periodKind === PeriodKind.YEAR ? m.year : `Q${m.periodIndex}`} = ${m.value}`,
    );
  };

  it("sets each note against its invoice's payment, in that payment's quarter, and refuses a note with no payment", async () => {
    const done = await run(CSV, { year: 2019, kind: PeriodKind.YEAR, index: 0 });
    expect(done).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 6, rowsAccepted: 5, rowsRejected: 1 });
    const values = await valuesOf(done.id);
    expect(values).toEqual(
      expect.arrayContaining([
        "SAL-FIN-IMPORTO-PAGATO Q3 = 600",
        "SAL-FIN-ITP Q3 = 0",
        "SAL-FIN-FATTURE-PAGATE Q3 = 1",
        "SAL-FIN-IMPORTO-PAGATO Q4 = 500",
        "SAL-FIN-ITP Q4 = 5",
        "SAL-FIN-FATTURE-PAGATE Q4 = 1",
        "SAL-FIN-ITP 2019 = 2.272727",
        "SAL-FIN-IMPORTO-PAGATO 2019 = 1100",
      ]),
    );
    const rejected = await dataSource.manager.find(RejectedRow, { where: { jobRunId: done.id } });
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [6, "invoice_id: no payment of invoice N between 2019-01-01 and 2019-12-31 to set this credit note against"],
    ]);
  });

  it("counts a term over 60 days as 60 and keeps a warning on the run, not a rejected row", async () => {
    // Received 1 Oct with a 90-day term: due 1 Oct + 60 = 30 Nov, paid 10 Dec: 10 days, ITP 10 (with 90 it would be −20).
    const done = await run(
      "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to\n" +
        "T;PAGAMENTO;01/10/2019;90;10/12/2019;100,00;;;\n",
      { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
    );
    expect(done).toMatchObject({ rowsRead: 1, rowsAccepted: 1, rowsRejected: 0 });
    expect(done.notes).toMatch(/; rows used with a warning: 1$/); // after the earlier values it superseded
    expect(await valuesOf(done.id)).toContain("SAL-FIN-ITP Q4 = 10");
    const warnings = await dataSource.manager.find(RowWarning, { where: { jobRunId: done.id } });
    expect(warnings.map((w) => [w.line, w.reason])).toEqual([
      [2, "term_days: 90 days is more than the 60 that D.Lgs. 231/2002 allows: counted as 60"],
    ]);
    expect(JSON.parse(warnings[0].raw)).toMatchObject({ invoice_id: "T", term_days: "90" });
  });
});
