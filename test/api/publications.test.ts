import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob, RunnerOptions } from "../../jobs/engine/run-job";
import { overdueDebtJob } from "../../jobs/overdue-debt.job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { publicationsOf } from "../../src/statutory/publications";
import { transparencyTables } from "../../src/statutory/transparency-tables";
import { writeTransparencyFiles } from "../../src/statutory/transparency-files";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

/**
 * Payments of 2019 (days after the due date × euro):
 *   Q1: A +10 × 1000 (due 09/02, paid 19/02), B +20 × 700 (due 20/12/2018, paid 09/01), D +60 × 2000 (due 14/01, paid 15/03)
 *       (10000 + 14000 + 120000) / 3700 = 144000 / 3700 = 38.918918… → 38,92; 3 invoices, 3.700,00
 *   Q2: E +10 × 100 (due 01/05, paid 11/05) = 10; Q3: F −10 × 200 (due 31/07, paid 21/07) = −10
 *   Q4: C −41 × 500 (due 30/01/2020, paid 20/12) = −41
 *   2019: (144000 + 1000 − 2000 − 20500) / 4500 = 122500 / 4500 = 27.2222… → 27,22; 6 invoices, 4.500,00
 * Open items at 31/12/2019: 800 (IT001) + 300 (IT002) + 200 (IT001) overdue = 1.300,00 from 2 firms.
 */
const PAYMENTS = [
  "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to",
  "A;PAGAMENTO;10/01/2019;30;19/02/2019;1.000,00;;;",
  "B;PAGAMENTO;20/11/2018;30;09/01/2019;700,00;;;",
  "C;PAGAMENTO;01/12/2019;60;20/12/2019;500,00;;;",
  "D;PAGAMENTO;15/12/2018;30;15/03/2019;2.440,00;440,00;;",
  "E;PAGAMENTO;01/04/2019;30;11/05/2019;100,00;;;",
  "F;PAGAMENTO;01/07/2019;30;21/07/2019;200,00;;;",
];
const OPEN_ITEMS = [
  "invoice_id;receipt_date;term_days;outstanding;snapshot_date;dispute_from;dispute_to;creditor_id",
  "P;01/06/2018;30;1.500,00;31/12/2018;;;IT009",
  "E;01/10/2019;30;800,00;31/12/2019;;;IT001",
  "F;01/06/2018;30;300,00;31/12/2019;;;IT002",
  "G;20/12/2019;30;1.200,00;31/12/2019;;;IT001",
  "H;01/11/2019;30;200,00;31/12/2019;;;IT001",
];

const options: RunnerOptions = { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 1 };
const year = (y: number) => ({ year: y, kind: PeriodKind.YEAR, index: 0 });

function inbox(name: string, lines: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-publications-"));
  writeFileSync(join(folder, name), `${lines.join("\n")}\n`);
  return folder;
}

const CALENDAR = `query ($asOf: LocalDate) { publications(year: 2019, asOf: $asOf) {
  obligation period dueDate ready status late missing jobRunIds
  figures { code display }
  publication { url publishedOn recordedBy }
} }`;

interface Due {
  obligation: string;
  period: string;
  dueDate: string;
  ready: boolean;
  status: string;
  late: boolean;
  missing: string[];
  jobRunIds: string[];
  figures: Array<{ code: string; display: string }>;
  publication: { url: string; publishedOn: string; recordedBy: string } | null;
}

describe.each(testDatabases)("the transparency calendar on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"]);
    const openItems = new CsvInbox(inbox("partite-aperte.csv", OPEN_ITEMS));
    for (const [job, source, period] of [
      [paymentTimelinessJob(), new CsvInbox(inbox("pagamenti.csv", PAYMENTS)), year(2019)],
      [overdueDebtJob(), openItems, year(2018)],
      [overdueDebtJob(), openItems, year(2019)],
    ] as const) {
      const run = await runJob(dataSource, { job, source, period, triggeredBy: "test" }, options);
      expect(run?.status).toBe(JobRunStatus.SUCCEEDED);
    }
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  const calendar = async (asOf: string) => {
    const answer = await api.graphql<{ publications: Due[] }>(CALENDAR, { asOf }, admin);
    expect(answer.errors).toBeUndefined();
    return answer.data!.publications;
  };
  const publish = (
    obligation: string,
    period: string,
    publishedOn: string,
    url = "https://www.comune.milano.it/at/itp",
  ) =>
    api.graphql<{ recordPublication: { publishedOn: string } }>(
      `mutation { recordPublication(obligation: ${obligation}, period: "${period}", url: "${url}", publishedOn: "${publishedOn}") { publishedOn } }`,
      {},
      admin,
    );

  it("shows each obligation's due date and figures, ready from the job runs, and waiting for the appropriations", async () => {
    const due = await calendar("2019-11-15");
    expect(
      due.map((d) => `${d.obligation} ${d.period} ${d.dueDate} ${d.ready ? "ready" : "not ready"} ${d.status}`),
    ).toEqual([
      "ITP_QUARTERLY 2019-Q1 2019-04-30 ready LATE",
      "ITP_QUARTERLY 2019-Q2 2019-07-30 ready LATE",
      "ITP_QUARTERLY 2019-Q3 2019-10-30 ready LATE",
      "ITP_QUARTERLY 2019-Q4 2020-01-30 ready READY",
      "ITP_ANNUAL 2019 2020-01-31 ready READY",
      // The L. 145/2018 figures wait for the year's appropriations.
      "L145_ANNUAL 2019 2020-01-31 not ready WAITING",
    ]);
    expect(due[0].figures.map((f) => `${f.code} ${f.display}`)).toEqual([
      "ITP 38,92",
      "IMPORTO_PAGATO 3.700,00",
      "FATTURE_PAGATE 3",
    ]);
    expect(due[0].jobRunIds).toHaveLength(1);
    expect(due[4].figures.map((f) => `${f.code} ${f.display}`)).toEqual([
      "ITP 27,22",
      "IMPORTO_PAGATO 4.500,00",
      "FATTURE_PAGATE 6",
      "DEBITI 1.300,00",
      "IMPRESE_CREDITRICI 2",
    ]);
    expect(due[5].missing).toEqual([
      "Stanziamenti per beni e servizi 2019: non registrati; registrarli con l'atto da cui vengono (recordAppropriations)",
    ]);
  });

  it("records publications with their address: on time, late, and the latest in force when recorded again", async () => {
    expect((await publish("ITP_QUARTERLY", "2019-Q1", "2019-04-20")).errors).toBeUndefined();
    expect((await publish("ITP_QUARTERLY", "2019-Q2", "2019-08-05")).errors).toBeUndefined();
    expect(
      (await publish("ITP_QUARTERLY", "2019-Q2", "2019-08-06", "https://www.comune.milano.it/at/itp-q2")).errors,
    ).toBeUndefined();
    const due = await calendar("2019-11-15");
    expect(due.slice(0, 3).map((d) => [d.period, d.status, d.late, d.publication?.url ?? null])).toEqual([
      ["2019-Q1", "PUBLISHED", false, "https://www.comune.milano.it/at/itp"],
      ["2019-Q2", "PUBLISHED_LATE", true, "https://www.comune.milano.it/at/itp-q2"],
      ["2019-Q3", "LATE", true, null],
    ]);
    // As of 10 April the first quarter was neither published nor due.
    expect((await calendar("2019-04-10"))[0]).toMatchObject({ status: "READY", late: false });
    // A viewer sees the calendar, not who recorded it.
    const viewer = await api.graphql<{ publications: Due[] }>(CALENDAR, { asOf: "2019-11-15" });
    expect(viewer.data!.publications[0].publication?.recordedBy).toBe("ADMIN");
    expect(
      (
        await api.graphql(
          'mutation { recordPublication(obligation: ITP_ANNUAL, period: "2019", url: "https://x.it") { id } }',
        )
      ).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("refuses a period of the wrong kind, an address that is not http(s), a day to come or before the period ended", async () => {
    const field = async (answer: Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>) =>
      (await answer).errors?.[0].extensions?.field;
    expect(await field(publish("ITP_QUARTERLY", "2019", "2020-01-10"))).toBe("period");
    expect(await field(publish("ITP_ANNUAL", "2019-Q4", "2020-01-10"))).toBe("period");
    expect(await field(publish("ITP_ANNUAL", "2019", "2020-01-10", "javascript:alert(1)"))).toBe("url");
    expect(await field(publish("ITP_ANNUAL", "2019", "2199-01-10"))).toBe("publishedOn");
    expect(await field(publish("ITP_QUARTERLY", "2019-Q3", "2019-09-30"))).toBe("publishedOn");
  });

  it("exports the tables as Italian CSV and one XLSX workbook", async () => {
    const folder = mkdtempSync(join(tmpdir(), "traguardo-transparency-"));
    const files = await writeTransparencyFiles(
      2019,
      transparencyTables(2019, await publicationsOf(dataSource, 2019, "2020-02-15")),
      folder,
    );
    expect(files.map((f) => f.slice(folder.length + 1))).toEqual([
      "tempestivita-pagamenti-2019.csv",
      "debiti-imprese-creditrici-2019.csv",
      "indicatori-l145-2019.csv",
      "trasparenza-2019.xlsx",
    ]);
    expect(readFileSync(files[0], "utf8").split("\r\n")).toEqual([
      "\uFEFFAnno;Periodo;Indicatore di tempestività dei pagamenti (giorni);Importo dei pagamenti (euro);Numero delle fatture pagate;Termine di pubblicazione",
      "2019;I trimestre;38,92;3.700,00;3;30/04/2019",
      "2019;II trimestre;10,00;100,00;1;30/07/2019",
      "2019;III trimestre;-10,00;200,00;1;30/10/2019",
      "2019;IV trimestre;-41,00;500,00;1;30/01/2020",
      "2019;Annuale;27,22;4.500,00;6;31/01/2020",
      "",
    ]);
    expect(readFileSync(files[1], "utf8")).toBe(
      "\uFEFFAnno;Data di riferimento;Ammontare complessivo dei debiti scaduti e non pagati (euro);Numero delle imprese creditrici\r\n2019;31/12/2019;1.300,00;2\r\n",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files[3]);
    const sheet = workbook.getWorksheet("tempestivita-pagamenti-2019")!;
    expect(sheet.getCell("A1").value).toBe("Indicatore di tempestività dei pagamenti 2019");
    // Figures as numbers, rounded to the cent: 38.918918… → 38.92.
    expect([sheet.getCell("C3").value, sheet.getCell("D3").value, sheet.getCell("C7").value]).toEqual([
      38.92, 3700, 27.22,
    ]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "tempestivita-pagamenti-2019",
      "debiti-imprese-creditrici-2019",
      "indicatori-l145-2019",
    ]);
  });
});
