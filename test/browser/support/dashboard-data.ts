import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { ActKind, PeriodKind, PlanChangeReason, Role } from "../../../entities/enums";
import { jobKeys } from "../../../jobs/registry";
import { loadConfig } from "../../../src/config";
import { recordMeasurement } from "../../../src/measurement/record-measurement";
import { importPlan } from "../../../src/plan-import/import-plan";
import { projectRoot } from "../../../src/project-root";
import { bearer, RunningApi, startApi } from "../../support/api";
import { overrideEduTo076 } from "../../support/nucleo-overrides";

/** The people whose names must never reach a VIEWER's screen. */
export const SUBJECTS = {
  controller: "controllo.gestione",
  admin: "ufficio.sistemi",
  referent: "referente.ta",
  nucleo: "nucleo.presidente",
};

/**
 * Invoices paid one per quarter of 2019, 1.000 € each, so each quarter's ITP is the days that one
 * payment came after its due date (receipt + 30 days): Q1 10, Q2 5, Q3 −3, Q4 2. Line 3 cannot be read.
 */
export const INVOICES = [
  "invoice_id;kind;receipt_date;term_days;payment_date;amount;split_vat;dispute_from;dispute_to",
  "Q1;PAGAMENTO;01/01/2019;30;10/02/2019;1.000,00;;;", // due 31/01, paid 10/02: 10 days late
  "BAD;PAGAMENTO;01/01/2019;30;not a date;1.000,00;;;",
  "Q2;PAGAMENTO;01/04/2019;30;06/05/2019;1.000,00;;;", // due 01/05, paid 06/05: 5 days late
  "Q3;PAGAMENTO;01/07/2019;30;28/07/2019;1.000,00;;;", // due 31/07, paid 28/07: 3 days early
  "Q4;PAGAMENTO;01/10/2019;30;02/11/2019;1.000,00;;;", // due 31/10, paid 02/11: 2 days late
].join("\n");

const controller = { subject: SUBJECTS.controller, roles: [Role.ADMIN], units: [] };

/**
 * The plan as `npm start` gives it, with: the health and Gestionale targets of the demo's scheda; every
 * Obiettivo Solidale valued (SOL-PIANO-QUARTIERI 72 against 70: 100%); the Nucleo's overrides that
 * score EDU 0.7 × 0.7 + 0.3 × 0.9 = 76%; the invoices job run for 2019's first three quarters (the
 * fourth is left for the administrator's "Esegui ora"). TA's DIR-TA-2019-1 (target 100%) is left without a value, for its referent to report.
 */
export async function startDashboardServer(dataSource: DataSource): Promise<RunningApi> {
  await importPlan(
    dataSource,
    controller,
    [
      {
        name: "indicatori.csv",
        content: readFileSync(join(projectRoot(), "data", "schede", "indicatori-salute-e-gestionali.csv")),
      },
    ],
    {
      basis: {
        act: { kind: ActKind.DG_DETERMINATION, number: "2264", date: "2019-07-26", subject: null },
        reason: PlanChangeReason.CHANGED_PRIORITIES,
        effectiveDate: null,
        annexPage: null,
        note: null,
      },
      dryRun: false,
      jobKeys: jobKeys(loadConfig({ JWT_SECRET: "unused-here-but-required-000000000000" })),
    },
  );
  const record = (kpiCode: string, value: string) =>
    recordMeasurement(
      dataSource,
      controller,
      { kpiCode, year: 2019, periodKind: PeriodKind.YEAR, periodIndex: null, unitCode: null, value, reason: null },
      new Date("2020-01-20T09:00:00Z"),
    );
  await record("SOL-PIANO-QUARTIERI", "72");
  for (const code of [
    "SOL-SVILUPPO-INTERNAZIONALE",
    "SOL-SERVIZI-DIGITALI",
    "SOL-ZERO-CARBON",
    "SOL-AREA-PULITA",
    "SOL-SPOSTAMENTI",
    "SOL-M4",
  ])
    await record(code, "1");
  await overrideEduTo076(dataSource);

  const inbox = mkdtempSync(join(tmpdir(), "traguardo-dashboard-inbox-"));
  writeFileSync(join(inbox, "pagamenti.csv"), INVOICES);
  const api = await startApi(dataSource, { JOB_PAYMENT_TIMELINESS_SOURCE: `csv:${inbox}`, JOB_RETRIES: "0" });
  const admin = await bearer(["ADMIN"], [], SUBJECTS.admin);
  for (const quarter of [1, 2, 3]) {
    const run = await api.graphql(
      `mutation { runJob(jobKey: "payment-timeliness", period: "2019-Q${quarter}") { status } }`,
      {},
      admin,
    );
    if (run.errors) throw new Error(JSON.stringify(run.errors));
  }
  return api;
}
