import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { adapterFor } from "../../jobs/adapters";
import { crmResponseJob } from "../../jobs/crm-response.job";
import { runJob } from "../../jobs/engine/run-job";
import { JobDefinition } from "../../jobs/job";
import { paymentTimelinessJob } from "../../jobs/payment-timeliness.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { JobRun } from "../../entities/job-run.entity";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { RejectedRow } from "../../entities/rejected-row.entity";
import { RowWarning } from "../../entities/row-warning.entity";
import { dayNumber, fromDayNumber } from "../../src/dates";
import { periodLabel } from "../../src/periods";
import { CRM_CONTACTS, PAYMENT_LINES, TableSpec, writeMysql, writeSqlite } from "../../src/simulate/sinks";
import { openWithPlan, scratchMysqlDatabase, testDatabases } from "../support/databases";

/**
 * The same rows read through each adapter must make the same run: the CSV inbox hands them in file
 * order (ITP credit notes settled once the source is read), the SQL adapter grouped by the job's
 * groupField (settled invoice by invoice), on an SQLite file and on MariaDB. Only public entry
 * points: the adapter factory and runJob. FC_SEED=<n> replays a seed fast-check reported.
 */

type Row = Record<string, string | number | null>;

const year2019 = { year: 2019, kind: PeriodKind.YEAR, index: 0 };
const runner = { holder: "adapters-agree", leaseMs: 60_000, retries: 0, backoffMs: 0 };
const NUM_RUNS = 20;
const assertOptions = {
  numRuns: NUM_RUNS,
  // Each run opens three databases (about a second): shrinking a failure stops after this, keeping the smallest case so far.
  interruptAfterTimeLimit: 150_000,
  markInterruptAsFailure: true,
  ...(process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) }),
};

/** A day in [from, to], both included (ISO). */
const day = (from: string, to: string) =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map((n) => fromDayNumber(n));
const plusDays = (iso: string, days: number) => fromDayNumber(dayNumber(iso) + days);
const euro = (cents: number) => (cents / 100).toFixed(2);
/**
 * Every row is dated within the SQL adapter's reach (the year and a day either side: it may leave
 * out rows further off, which a CSV inbox hands too), so both read the same rows.
 */
const withinReach = (iso: string) => (iso < "2018-12-31" ? "2018-12-31" : iso > "2020-01-01" ? "2020-01-01" : iso);

/** Rows in a shuffled order: each carries a random key to sort by, which shrinks like any number. */
interface Keyed {
  row: Row;
  key: number;
}
const inKeyOrder = (rows: Keyed[]) => [...rows].sort((a, b) => a.key - b.key).map((k) => k.row);

// ---- payment lines (ITP) ----

/**
 * Ids equal but for case are different invoices: a case-insensitive collation must neither merge nor
 * interleave them. Ids with blanks around them are left to the known disagreement at the end.
 */
// Ids equal but for case are different invoices; ids padded with blanks are the same invoice.
const INVOICE_IDS = ["ab1", "AB1", "Ab1", "ab2", "AB2", "fatt-7", "FATT-7", "z9", " z9", "z9 ", " ab1"];

const invoice = fc.record({
  id: fc.constantFrom(...INVOICE_IDS),
  receipt: day("2018-07-01", "2019-12-31"),
  // Over 60 days warns and counts as 60.
  term: fc.option(fc.integer({ min: 0, max: 90 }), { freq: 3 }),
  dispute: fc.option(fc.record({ after: fc.integer({ min: 0, max: 20 }), days: fc.integer({ min: 0, max: 40 }) }), {
    freq: 4,
  }),
  payments: fc.array(
    fc.record({
      after: fc.integer({ min: 0, max: 200 }),
      cents: fc.integer({ min: 1, max: 5_000_000 }),
      splitVat: fc.boolean(),
      key: fc.nat(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  // A share of what the invoice's payments add up to: over 100% it is refused.
  creditNote: fc.option(
    fc.record({ after: fc.integer({ min: 0, max: 200 }), percent: fc.integer({ min: 1, max: 150 }), key: fc.nat() }),
    { freq: 3 },
  ),
});
type Invoice = typeof invoice extends fc.Arbitrary<infer T> ? T : never;

/** Split VAT at 22%, as the Comune pays it for its suppliers. */
const splitOf = (cents: number) => Math.floor((cents * 22) / 122);

function linesOf(inv: Invoice): Keyed[] {
  const common = {
    invoice_id: inv.id,
    receipt_date: inv.receipt,
    term_days: inv.term,
    dispute_from: inv.dispute && plusDays(inv.receipt, inv.dispute.after),
    dispute_to: inv.dispute && plusDays(inv.receipt, inv.dispute.after + inv.dispute.days),
  };
  // Never before the receipt: a payment made before its invoice arrived is one of the invalid rows below.
  const paidOn = (after: number) => withinReach(plusDays(inv.receipt, after));
  const payments = inv.payments.map(({ after, cents, splitVat, key }) => ({
    key,
    row: {
      ...common,
      kind: "PAGAMENTO",
      payment_date: paidOn(after),
      amount: euro(cents),
      split_vat: splitVat && splitOf(cents) > 0 ? euro(splitOf(cents)) : null,
    },
  }));
  const note = inv.creditNote;
  if (!note) return payments;
  const paid = inv.payments.reduce((sum, p) => sum + p.cents, 0);
  const credited = Math.max(1, Math.round((paid * note.percent) / 100));
  return [
    ...payments,
    {
      key: note.key,
      row: {
        ...common,
        kind: "NOTA_CREDITO",
        payment_date: paidOn(note.after),
        amount: euro(credited),
        split_vat: null,
      },
    },
  ];
}

/** Rows the job must reject, whichever adapter hands them (each a column type can hold). */
const invalidPaymentLine = fc
  .record({
    flaw: fc.constantFrom("no invoice", "no kind", "bad kind", "paid before receipt", "zero amount", "half a dispute"),
    id: fc.constantFrom(...INVOICE_IDS),
    paid: day("2018-12-31", "2020-01-01"),
    key: fc.nat(),
  })
  .map(({ flaw, id, paid, key }): Keyed => {
    const row: Row = {
      invoice_id: flaw === "no invoice" ? "" : id,
      kind: flaw === "no kind" ? "" : flaw === "bad kind" ? "RIMBORSO" : "PAGAMENTO",
      receipt_date: flaw === "paid before receipt" ? plusDays(paid, 3) : plusDays(paid, -40),
      term_days: 30,
      payment_date: paid,
      amount: flaw === "zero amount" ? "0.00" : "100.00",
      split_vat: null,
      dispute_from: flaw === "half a dispute" ? plusDays(paid, -30) : null,
      dispute_to: null,
    };
    return { row, key };
  });

/** Invoices with distinct ids (some equal but for case), then a few invalid rows, shuffled together. */
const paymentTable = fc
  .tuple(
    fc.uniqueArray(invoice, { selector: (inv) => inv.id, minLength: 1, maxLength: 5 }),
    fc.array(invalidPaymentLine, { maxLength: 3 }),
  )
  .map(([invoices, invalid]) => inKeyOrder([...invoices.flatMap(linesOf), ...invalid]));

// ---- CRM contacts ----

const CHANNELS = ["EMAIL", "email", "020202", "WEB", "APP", "SPORTELLO"];

const contact = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  created: day("2018-12-31", "2020-01-01"),
  requires: fc.constantFrom("S", "N", "s"),
  response: fc.option(
    fc.record({ after: fc.integer({ min: 0, max: 60 }), by: fc.constantFrom("OPERATORE", "AUTOMATICO", "operatore") }),
    { freq: 4 },
  ),
  resolvedAfter: fc.option(fc.integer({ min: 0, max: 90 })),
  pausedDays: fc.option(fc.integer({ min: 0, max: 20 })),
  key: fc.nat(),
});

const contactRow = (c: typeof contact extends fc.Arbitrary<infer T> ? T : never, id: string): Keyed => ({
  key: c.key,
  row: {
    contact_id: id,
    channel: c.channel,
    created_at: c.created,
    requires_response: c.requires,
    first_response_at: c.response && plusDays(c.created, c.response.after),
    first_response_by: c.response?.by ?? null,
    resolved_at: c.resolvedAfter === null ? null : plusDays(c.created, c.resolvedAfter),
    paused_days: c.pausedDays,
  },
});

const invalidContact = fc
  .record({
    flaw: fc.constantFrom("no id", "no channel", "bad requires", "bad responder", "answered before", "resolved before"),
    base: contact,
  })
  .map(({ flaw, base }): Keyed => {
    const { key, row } = contactRow(base, "X-1");
    const created = row.created_at as string;
    return {
      key,
      row: {
        ...row,
        contact_id: flaw === "no id" ? "" : row.contact_id,
        channel: flaw === "no channel" ? "" : row.channel,
        requires_response: flaw === "bad requires" ? "X" : row.requires_response,
        ...(flaw === "bad responder" && { first_response_at: created, first_response_by: "BOT" }),
        ...(flaw === "answered before" && { first_response_at: plusDays(created, -2), first_response_by: "OPERATORE" }),
        ...(flaw === "resolved before" && { resolved_at: plusDays(created, -1) }),
      },
    };
  });

const crmTable = fc
  .tuple(fc.array(contact, { minLength: 1, maxLength: 12 }), fc.array(invalidContact, { maxLength: 3 }))
  .map(([contacts, invalid]) => inKeyOrder([...contacts.map((c, i) => contactRow(c, `C${i + 1}`)), ...invalid]));

const crmSettings = fc.record({
  serviceLevelDays: fc.constantFrom(15, 30),
  dayCount: fc.constantFrom("CALENDAR" as const, "WORKING" as const),
  configuredChannels: fc.constant(["020202", "EMAIL", "WEB", "APP", "SOCIAL", "SPORTELLO", "PEC", "CHAT"]),
});

// ---- the three sources ----

/** A SQL source row as an Italian CSV export writes it: `;`, dd/mm/yyyy, 1.234,56. */
function italianCsv(columns: string[], amounts: ReadonlySet<string>, rows: Row[]): string {
  const cell = (column: string, value: string | number | null) => {
    if (value === null) return "";
    const text = String(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text.split("-").reverse().join("/");
    if (!amounts.has(column)) return text;
    const [units, cents] = text.split(".");
    return `${units.replace(/\B(?=(\d{3})+$)/g, ".")},${cents}`;
  };
  return [columns.join(";"), ...rows.map((row) => columns.map((c) => cell(c, row[c])).join(";"))].join("\n") + "\n";
}

/** What a run made, as the target database kept it: everything but line numbers (the SQL adapter numbers rows in its query order). */
async function outcome(target: DataSource, run: JobRun | null) {
  if (!run) throw new Error("the run was not claimed");
  const kpis = new Map((await target.manager.find(Kpi)).map((k) => [k.id, k.code]));
  const where = { jobRunId: run.id };
  return {
    status: run.status,
    error: run.error,
    rowsRead: run.rowsRead,
    rowsAccepted: run.rowsAccepted,
    rowsRejected: run.rowsRejected,
    rejected: (await target.manager.find(RejectedRow, { where })).map((r) => r.reason).sort(),
    warnings: (await target.manager.find(RowWarning, { where })).map((r) => r.reason).sort(),
    values: (await target.manager.find(Measurement, { where }))
      .map((m) =>
        [
          kpis.get(m.kpiId),
          periodLabel({ year: m.year, kind: m.periodKind, index: m.periodIndex }),
          m.breakdown,
          m.value,
          m.numerator,
          m.denominator,
        ].join(" | "),
      )
      .sort(),
  };
}

const sqlite = testDatabases.find((db) => db.name === "sqlite")!;
const mysqlAvailable = testDatabases.some((db) => db.name === "mysql");

// Without MariaDB the MySQL suites are left out, as everywhere (global-setup fails the run under CI instead).
(mysqlAvailable ? describe : describe.skip)("a job's figures, whichever adapter reads the same rows", () => {
  let folder: string;
  let mysql: Awaited<ReturnType<typeof scratchMysqlDatabase>>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "traguardo-adapters-agree-"));
    mysql = await scratchMysqlDatabase();
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await mysql?.drop();
  });

  let trial = 0;
  /** Writes the rows to a CSV inbox, an SQLite file and MariaDB, and runs the job over 2019 from each into a fresh Traguardo database. */
  async function runThrough(job: JobDefinition<unknown>, spec: TableSpec, amounts: string[], rows: Row[]) {
    trial += 1;
    const inbox = join(folder, `inbox-${trial}`);
    mkdirSync(inbox);
    // Two files, the later rows in the second: the inbox reads files in name order.
    const columns = Object.keys(spec.columns);
    const half = Math.ceil(rows.length / 2);
    writeFileSync(join(inbox, "export-1.csv"), italianCsv(columns, new Set(amounts), rows.slice(0, half)));
    writeFileSync(join(inbox, "export-2.csv"), italianCsv(columns, new Set(amounts), rows.slice(half)));
    const sqliteFile = join(folder, `source-${trial}.sqlite`);
    writeSqlite(sqliteFile, spec, rows);
    await writeMysql(mysql.url, spec, rows);

    const results = [];
    for (const source of [`csv:${inbox}`, `sql:sqlite:${sqliteFile}#${spec.table}`, `sql:${mysql.url}#${spec.table}`]) {
      // With the plan: the KPIs the jobs feed and the 2019 cycle.
      const target = await openWithPlan(sqlite);
      try {
        const run = await runJob(
          target,
          { job, source: adapterFor(source), period: year2019, triggeredBy: "adapters-agree" },
          runner,
        );
        results.push(await outcome(target, run));
      } finally {
        await sqlite.close(target);
      }
    }
    const [csv, fromSqlite, fromMysql] = results;
    expect(csv).toMatchObject({ status: JobRunStatus.SUCCEEDED, error: null, rowsRead: rows.length });
    expect({ sqlite: fromSqlite, mysql: fromMysql }).toEqual({ sqlite: csv, mysql: csv });
    return csv;
  }

  it("ITP: the same rows read, accepted and rejected, and the same values per quarter and year", async () => {
    const job = paymentTimelinessJob() as JobDefinition<unknown>;
    // The cases that matter must have come up, or agreeing proves little.
    const seen = { refusedNote: false, warned: false, rejected: false };
    await fc.assert(
      fc.asyncProperty(paymentTable, async (rows) => {
        const run = await runThrough(job, PAYMENT_LINES, ["amount", "split_vat"], rows);
        seen.refusedNote ||= run.rejected.some((reason) => reason.startsWith("amount: credits"));
        seen.warned ||= run.warnings.length > 0;
        seen.rejected ||= run.rejected.some((reason) => reason.startsWith("payment_date: is before"));
      }),
      assertOptions,
    );
    expect(seen).toEqual({ refusedNote: true, warned: true, rejected: true });
  }, 200_000);

  it("CRM: the same rows read, accepted and rejected, and the same values overall and per channel", async () => {
    const seen = { rejected: false, perChannel: false };
    await fc.assert(
      fc.asyncProperty(crmTable, crmSettings, async (rows, settings) => {
        const run = await runThrough(crmResponseJob(settings), CRM_CONTACTS, [], rows);
        seen.rejected ||= run.rejected.length > 0;
        seen.perChannel ||= run.values.some((value) => value.includes("| EMAIL |"));
      }),
      assertOptions,
    );
    expect(seen).toEqual({ rejected: true, perChannel: true });
  }, 200_000);

  /**
   * Found by fast-check with ids padded by a blank (seed 233427525), cut down by hand: the SQL
   * adapter ordered by the raw invoice_id while the job read it trimmed, so " z9" (a blank is byte
   * 0x20, before "ab1") and "z9" (after it) came in two groups, and z9's credit note, arriving after
   * its payment was settled, was refused. The job now reads the key as TRIM cuts it, and the
   * adapter orders by TRIM(invoice_id).
   */
  it("takes an invoice id padded with blanks as the same invoice in every source", async () => {
    const line = (invoiceId: string, kind: string, amount: string): Row => ({
      invoice_id: invoiceId,
      kind,
      receipt_date: "2018-12-01",
      term_days: null,
      payment_date: "2019-01-02",
      amount,
      split_vat: null,
      dispute_from: null,
      dispute_to: null,
    });
    await runThrough(
      paymentTimelinessJob(),
      PAYMENT_LINES,
      ["amount", "split_vat"],
      [line(" z9", "PAGAMENTO", "100.00"), line("ab1", "PAGAMENTO", "100.00"), line("z9", "NOTA_CREDITO", "40.00")],
    );
  });
});
