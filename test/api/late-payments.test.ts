import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { runJob, RunnerOptions } from "../../jobs/engine/run-job";
import { overdueDebtJob } from "../../jobs/overdue-debt.job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { AppropriationBase } from "../../entities/appropriation-base.entity";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

/**
 * The L. 145/2018 figures of 2019, from the two jobs' year runs and the appropriations recorded.
 * Payments of 2019 (amounts net of split-payment VAT):
 *   A received 10/01/2019, due 09/02, paid 19/02: +10 days × 1000.00 (received in 2019)
 *   B received 20/11/2018, due 20/12/2018, paid 09/01: due before 2019, left out
 *   C received 01/12/2019, term 60, due 30/01/2020, paid 20/12: −41 days × 500.00 (received in 2019)
 *   D received 15/12/2018, due 14/01, paid 15/03: +60 days × 2000.00 (2440.00 less 440.00 VAT)
 *   paid part: 100000×10 − 50000×41 + 200000×60 = 10,950,000 cent-days over 350,000 cents
 * Open items at 31/12/2019:
 *   E received 01/10/2019, due 31/10: 800.00 overdue, 61 days (creditor IT001)
 *   F received 01/06/2018, due 01/07/2018: 300.00 overdue, not due in 2019 (IT002)
 *   G received 20/12/2019, due 19/01/2020: 1200.00, not yet due (IT001)
 *   H received 01/11/2019, due 01/12: 200.00 overdue, 30 days (IT001)
 *   X on 30/12/2019: another day's snapshot, not the year's
 *   unpaid part: 80000×61 + 20000×30 = 5,480,000 cent-days over 100,000 cents
 * Delay: (10,950,000 + 5,480,000) / (350,000 + 100,000) = 16,430,000 / 450,000 = 36.5111… days: 31-60, 3%
 * Stock: 800 + 300 + 200 = 1300.00 from 2 creditor firms; 31/12/2018: 1500.00; change −200/1500 = −13.33%
 * Received in 2019: paid on them 1000 + 500 + owed on them 800 + 1200 + 200 = 3700.00; 5% = 185.00 < 1300: not exempt
 * Debt test: 1300 ≤ 0.9 × 1500 = 1350, passed. Provision: 3% × 1,234,567.89 = 37,037.0367 → 37,037.04
 */
const PAYMENTS = [
  "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to",
  "A;PAGAMENTO;10/01/2019;30;19/02/2019;1.000,00;;;",
  "B;PAGAMENTO;20/11/2018;30;09/01/2019;700,00;;;",
  "C;PAGAMENTO;01/12/2019;60;20/12/2019;500,00;;;",
  "D;PAGAMENTO;15/12/2018;30;15/03/2019;2.440,00;440,00;;",
];
const OPEN_ITEMS = [
  "invoice_id;receipt_date;term_days;outstanding;snapshot_date;dispute_from;dispute_to;creditor_id",
  "P;01/06/2018;30;1.500,00;31/12/2018;;;IT009",
  "E;01/10/2019;30;800,00;31/12/2019;;;IT001",
  "F;01/06/2018;30;300,00;31/12/2019;;;IT002",
  "G;20/12/2019;30;1.200,00;31/12/2019;;;IT001",
  "H;01/11/2019;30;200,00;31/12/2019;;;IT001",
  "X;01/10/2019;30;9.999,00;30/12/2019;;;IT003",
  "Y;01/10/2020;30;400,00;30/12/2020;;;IT001",
];

const options: RunnerOptions = { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 1 };
const year = (y: number) => ({ year: y, kind: PeriodKind.YEAR, index: 0 });

function inbox(name: string, lines: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), "traguardo-l145-"));
  writeFileSync(join(folder, name), `${lines.join("\n")}\n`);
  return folder;
}

const FIGURES = `query ($year: Int!) { latePaymentFigures(year: $year) {
  delayDays overdueStock previousOverdueStock stockChangePercent invoicesReceived exempt stockFell debtTestPassed
  creditorFirms provisionPercent provision ready missing
  appropriations { amount act { key } recordedBy }
  figures { code label value display }
} }`;

describe.each(testDatabases)("the L. 145/2018 figures on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;

  beforeAll(async () => {
    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    const payments = new CsvInbox(inbox("pagamenti.csv", PAYMENTS));
    const openItems = new CsvInbox(inbox("partite-aperte.csv", OPEN_ITEMS));
    for (const [job, source, period] of [
      [paymentTimelinessJob(), payments, year(2019)],
      [overdueDebtJob(), openItems, year(2018)],
      [overdueDebtJob(), openItems, year(2019)],
      [overdueDebtJob(), openItems, year(2020)],
    ] as const) {
      const run = await runJob(dataSource, { job, source, period, triggeredBy: "test" }, options);
      expect(run?.status).toBe(JobRunStatus.SUCCEEDED);
    }
  });
  afterAll(async () => {
    await api?.close();
    await db.close(dataSource);
  });

  it("composes the delay, the stock and its change, the debt test, the creditor firms and the provision", async () => {
    const admin = await bearer(["ADMIN"]);
    const before = await api.graphql<{ latePaymentFigures: Record<string, unknown> }>(FIGURES, { year: 2019 }, admin);
    expect(before.data!.latePaymentFigures).toMatchObject({
      delayDays: "36.511111",
      provisionPercent: 3,
      provision: null,
      ready: false,
      missing: [
        "Stanziamenti per beni e servizi 2019: non registrati; registrarli con l'atto da cui vengono (recordAppropriations)",
      ],
    });

    const act = await api.graphql(
      'mutation { recordAct(input: { kind: COUNCIL_RESOLUTION, number: "12", date: "2019-03-28", subject: "Approvazione del bilancio di previsione 2019-2021" }) { key } }',
      {},
      admin,
    );
    expect(act.errors).toBeUndefined();
    const recorded = await api.graphql(
      'mutation { recordAppropriations(year: 2019, amount: "1234567.89", actKey: "CC-12-2019") { amount act { key } } }',
      {},
      admin,
    );
    expect(recorded.data).toEqual({ recordAppropriations: { amount: "1234567.89", act: { key: "CC-12-2019" } } });

    const after = await api.graphql<{ latePaymentFigures: { figures: Array<Record<string, string>> } }>(
      FIGURES,
      { year: 2019 },
      admin,
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.latePaymentFigures).toMatchObject({
      delayDays: "36.511111",
      overdueStock: "1300.00",
      previousOverdueStock: "1500.00",
      stockChangePercent: "-13.333333",
      invoicesReceived: "3700.00",
      exempt: false,
      stockFell: true,
      debtTestPassed: true,
      creditorFirms: 2,
      provisionPercent: 3,
      provision: "37037.04",
      ready: true,
      missing: [],
      appropriations: { amount: "1234567.89", act: { key: "CC-12-2019" }, recordedBy: "tester" },
    });
    expect(after.data!.latePaymentFigures.figures.map((f) => `${f.label}: ${f.display}`)).toEqual([
      "Indicatore di ritardo annuale dei pagamenti 2019 (giorni): 36,51",
      "Debito commerciale residuo scaduto e non pagato al 31/12/2019 (euro): 1.300,00",
      "Debito commerciale residuo scaduto e non pagato al 31/12/2018 (euro): 1.500,00",
      "Variazione del debito scaduto rispetto al 31/12/2018 (%): -13,33",
      "Fatture ricevute nel 2019 (euro): 3.700,00",
      "Debito scaduto non superiore al 5% delle fatture ricevute nell'anno: No",
      "Debito ridotto di almeno il 10% o non superiore al 5% delle fatture ricevute: Sì",
      "Numero delle imprese creditrici al 31/12/2019: 2",
      "Quota da accantonare nel Fondo di Garanzia Debiti Commerciali (% degli stanziamenti): 3",
      "Stanziamenti per acquisto di beni e servizi 2019 (euro): 1.234.567,89",
      "Accantonamento al Fondo di Garanzia Debiti Commerciali 2019 (euro): 37.037,04",
    ]);
  });

  it("keeps every appropriations record: a new one is in force, the earlier stays; only an administrator records", async () => {
    const admin = await bearer(["ADMIN"]);
    await api.graphql(
      'mutation { recordAct(input: { kind: COUNCIL_RESOLUTION, number: "12", date: "2019-03-28", subject: "Approvazione del bilancio di previsione 2019-2021" }) { key } }',
      {},
      admin,
    );
    const second = await api.graphql(
      'mutation { recordAppropriations(year: 2019, amount: "1000000", actKey: "CC-12-2019") { amount } }',
      {},
      admin,
    );
    expect(second.errors).toBeUndefined();
    const figures = await api.graphql<{ latePaymentFigures: { provision: string } }>(FIGURES, { year: 2019 }, admin);
    // 3% of 1,000,000.00 = 30,000.00
    expect(figures.data!.latePaymentFigures.provision).toBe("30000.00");
    const kept = await dataSource.manager.find(AppropriationBase, { where: { year: 2019 }, order: { id: "ASC" } });
    expect(kept.map((a) => a.amount)).toEqual(["1234567.89", "1000000"]);
    await expect(dataSource.manager.update(AppropriationBase, { id: kept[0].id }, { amount: "1" })).rejects.toThrow(
      /append-only/,
    );

    const viewer = await api.graphql(
      'mutation { recordAppropriations(year: 2019, amount: "1", actKey: "CC-12-2019") { amount } }',
      {},
      await bearer(["VIEWER"]),
    );
    expect(viewer.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an amount that is not euros to the cent, and an act not recorded, naming the field", async () => {
    const admin = await bearer(["ADMIN"]);
    const record = (amount: string, actKey: string) =>
      api.graphql(
        `mutation { recordAppropriations(year: 2019, amount: "${amount}", actKey: "${actKey}") { id } }`,
        {},
        admin,
      );
    const badAmount = await record("1.234,5", "CC-12-2019");
    expect(badAmount.errors?.[0].extensions).toMatchObject({ code: "INVALID_INPUT", field: "amount" });
    const noAct = await record("100", "CC-99-2019");
    expect(noAct.errors?.[0].extensions).toMatchObject({ code: "INVALID_INPUT", field: "actKey" });
  });

  it("has no stock without the snapshot of 31 December, saying so, rather than the latest of another day", async () => {
    const figures = await api.graphql<{
      latePaymentFigures: { overdueStock: string | null; missing: string[]; ready: boolean };
    }>(FIGURES, { year: 2020 }, await bearer(["ADMIN"]));
    expect(figures.data!.latePaymentFigures.overdueStock).toBeNull();
    expect(figures.data!.latePaymentFigures.ready).toBe(false);
    // The parts missing for one cause in one message: the payments' year not run, the 31/12/2020 snapshot missing.
    const [payments, snapshot, appropriations] = figures.data!.latePaymentFigures.missing;
    expect(payments).toBe(
      "2020, Ritardo delle fatture pagate, Pagato sulle fatture ricevute nell'anno: nessun valore; eseguire il job payment-timeliness per l'anno 2020",
    );
    expect(snapshot).toMatch(
      /^2020, Ritardo delle fatture scadute e non pagate, Debito commerciale scaduto al 31 dicembre, Da pagare sulle fatture ricevute nell'anno, Numero delle imprese creditrici: nessun valore \(job run \d+: /,
    );
    expect(snapshot).toContain(
      "manca la fotografia delle partite aperte al 31/12/2020 nella fonte (l'ultima letta è del 30/12/2020): il debito dell'anno è quello del 31 dicembre, non di un altro giorno)",
    );
    expect(appropriations).toMatch(/^Stanziamenti per beni e servizi 2020: non registrati/);
  });
});
