import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { CsvInbox } from "../../jobs/adapters/csv-inbox";
import { crmResponseJob } from "../../jobs/crm-response.job";
import { JobRunStatus, PeriodKind } from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { runJob } from "../../jobs/engine/run-job";
import { openWithPlan, testDatabases } from "../support/databases";

/**
 * Q4 2019 contacts (created → first response by a person):
 *   1 EMAIL  1 Oct → 3 Oct: 2 days, resolved 10 Oct (9 days)
 *   2 EMAIL  1 Oct → 10 Nov: 40 days, beyond the 30-day service level
 *   3 020202 1 Oct → 11 Oct, clock paused 4 days: 6 days
 *   4 020202 2 Oct, answered only by an automatic acknowledgement: unanswered
 *   5 020202 2 Oct, information only: needs no response
 *   6 WEB    30 Dec → 8 Jan 2020: 9 days, answered after the period, counted
 *   7 EMAIL  3 Jan 2020: another period, read but not used
 *   8 a row with the wrong answer to requires_response: rejected
 * Requiring a response: 1, 2, 3, 4, 6 → answered 1, 2, 3, 6 = 80%; times 2, 6, 9, 40 → median 6, p90 40;
 * within 30 days: 1, 3, 6 = 60%; resolved: 1 = 20%, median 9. Channels with contacts: 3 of 8.
 */
const CSV = `contact_id;channel;created_at;requires_response;first_response_at;first_response_by;resolved_at;paused_days
1;EMAIL;01/10/2019;S;03/10/2019;OPERATORE;10/10/2019;
2;EMAIL;01/10/2019;S;10/11/2019;OPERATORE;;
3;020202;01/10/2019;S;11/10/2019;OPERATORE;;4
4;020202;02/10/2019;S;02/10/2019;AUTOMATICO;;
5;020202;02/10/2019;N;;;;
6;WEB;30/12/2019;S;08/01/2020;OPERATORE;;
7;EMAIL;03/01/2020;S;;;;
8;EMAIL;03/10/2019;FORSE;;;;
`;

describe.each(testDatabases)("the CRM response job on $name", (db) => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openWithPlan(db);
  });
  afterAll(() => db.close(dataSource));

  it("measures the quarter overall and per channel, keeping the row it could not read", async () => {
    const inbox = mkdtempSync(join(tmpdir(), "traguardo-crm-"));
    writeFileSync(join(inbox, "contatti.csv"), CSV);
    const job = crmResponseJob({
      serviceLevelDays: 30,
      dayCount: "CALENDAR",
      configuredChannels: ["020202", "EMAIL", "WEB", "APP", "SOCIAL", "SPORTELLO", "PEC", "CHAT"],
    });
    const run = (await runJob(
      dataSource,
      {
        job,
        source: new CsvInbox(inbox),
        period: { year: 2019, kind: PeriodKind.QUARTER, index: 4 },
        triggeredBy: "test",
      },
      { holder: "test", leaseMs: 60_000, retries: 0, backoffMs: 0 },
    ))!;
    expect(run).toMatchObject({ status: JobRunStatus.SUCCEEDED, rowsRead: 8, rowsAccepted: 6, rowsRejected: 1 });

    const kpis = new Map((await dataSource.manager.find(Kpi)).map((k) => [k.id, k.code]));
    const values = (await dataSource.manager.find(Measurement, { where: { jobRunId: run.id } })).map(
      (m) => `${kpis.get(m.kpiId)}${m.breakdown ? `[${m.breakdown}]` : ""} = ${m.value}`,
    );
    expect(values).toEqual(
      expect.arrayContaining([
        "SAL-CRM-CONTATTI = 6",
        "SAL-CRM-CANALI-UNIFICATI = 3",
        "SAL-CRM-TASSO-RISPOSTA = 80",
        "SAL-CRM-TEMPI-RISPOSTA = 6",
        "SAL-CRM-TEMPI-RISPOSTA-P90 = 40",
        "SAL-CRM-ENTRO-SLA = 60",
        "SAL-CRM-TASSO-RISOLUZIONE = 20",
        "SAL-CRM-TEMPI-RISOLUZIONE = 9",
        "SAL-CRM-CONTATTI[020202] = 3",
        "SAL-CRM-TASSO-RISPOSTA[020202] = 50",
        "SAL-CRM-TASSO-RISPOSTA[EMAIL] = 100",
        "SAL-CRM-TEMPI-RISPOSTA[WEB] = 9",
      ]),
    );
    expect(values.filter((v) => v.includes("[APP]"))).toEqual([]);
  });
});
