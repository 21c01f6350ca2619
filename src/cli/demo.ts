/**
 * The demo's year, replayed on the embedded database with GENERATED data (not data of the Comune
 * di Milano): the schede imported in the planning office's template, the directorates' monitoring
 * reports, the staff, the jobs run at each year's end, and the Nucleo's validation of 2019; each
 * step recorded on the day it would have happened, so that "as known on a date" answers too.
 *
 *   npm run demo        (runs simulate first, then this, then serves)
 */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataSource } from "typeorm";
import {
  ActKind,
  CycleStatus,
  JobRunStatus,
  KpiDirection,
  ObjectiveLevel,
  ObjectiveStatus,
  OrgUnitKind,
  PeriodKind,
  PlanChangeReason,
  Role,
} from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Target } from "../../entities/target.entity";
import { configuredJobs, jobKeys } from "../../jobs/registry";
import { runnerOptions } from "../../jobs/engine/scheduler";
import { runJob } from "../../jobs/engine/run-job";
import { createAttainmentService } from "../attainment/attainment-service";
import { YearDataCache } from "../attainment/year-data-cache";
import { Caller } from "../auth/caller";
import { loadConfig } from "../config";
import { recordAct } from "../cycles/acts";
import { setIncentiveRules } from "../incentives/set-rules";
import { moveCycle } from "../cycles/move-cycle";
import { isWithin } from "../dates";
import { recordMonitoringReport } from "../monitoring/record-report";
import { importPeople } from "../people/import-people";
import { importPlan } from "../plan-import/import-plan";
import { prepareDatabase } from "../prepare-database";
import { projectRoot } from "../project-root";
import { generateMonitoringReports, ObjectiveToReport } from "../simulate/monitoring-reports";
import { generatePeople } from "../simulate/people";
import { generatePlanSchede } from "../simulate/plan-schede";
import { printDashboardGuide } from "./demo-guide";
import { printDemoSummary } from "./demo-summary";

const YEARS = [2019, 2020];
const planningOffice: Caller = { subject: "ufficio.pianificazione (demo)", roles: [Role.ADMIN], units: [] };
const nucleo: Caller = { subject: "nucleo.valutazione (demo)", roles: [Role.EVALUATION_BOARD], units: [] };
const referent = (unit: string): Caller => ({
  subject: `referente.${unit.toLowerCase()} (demo)`,
  roles: [Role.UNIT_MANAGER],
  units: [{ code: unit, from: null }],
});

/** Where the demo keeps its database and settings (DEMO_DIR, e.g. a test's scratch folder). */
const DEMO_DIR = process.env.DEMO_DIR ?? join(projectRoot(), "var", "demo");
const DEMO_DATABASE = join(DEMO_DIR, "traguardo-demo.sqlite");

/** A database of its own, made anew, and a token secret the demo's server and its printed tokens share. */
function demoEnvironment(): string {
  mkdirSync(DEMO_DIR, { recursive: true });
  rmSync(DEMO_DATABASE, { force: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(join(DEMO_DIR, "demo.env"), `SQLITE_PATH=${DEMO_DATABASE}\nJWT_SECRET=${secret}\n`);
  Object.assign(process.env, { SQLITE_PATH: DEMO_DATABASE, JWT_SECRET: secret });
  return secret;
}

async function main(): Promise<void> {
  demoEnvironment();
  const config = loadConfig();
  const { dataSource } = await prepareDatabase(config);
  try {
    const units = await dataSource.manager.find(OrgUnit);
    const directorates = (year: number) =>
      units
        .filter((u) => u.kind !== OrgUnitKind.AREA && isWithin(`${year}-12-31`, u.validFrom, u.validTo))
        .map((u) => u.code);
    const objectives = await objectivesToDetail(dataSource);
    const schede = generatePlanSchede(objectives, YEARS, [2019, 2020, 2021]);

    step("Schede 2019-2020 (GENERATED) importate con la DD 2264/2019 del 26/07/2019");
    await importPlan(
      dataSource,
      planningOffice,
      [
        { name: "indicatori.csv", content: Buffer.from(schede.indicators) },
        { name: "fasi.csv", content: Buffer.from(schede.phases) },
      ],
      basisFor({ kind: ActKind.DG_DETERMINATION, number: "2264", date: "2019-07-26" }),
    );
    step("Target degli indicatori di salute e dei Gestionali (valori predefiniti del modello)");
    await importPlan(
      dataSource,
      planningOffice,
      [
        {
          name: "indicatori.csv",
          content: readFileSync(join(projectRoot(), "data", "schede", "indicatori-salute-e-gestionali.csv")),
        },
      ],
      basisFor({ kind: ActKind.DG_DETERMINATION, number: "2264", date: "2019-07-26" }),
    );

    // Staff are assigned from 1 January: to the directorates that existed the whole year.
    const wholeYear = units
      .filter((u) => u.validFrom === null && directorates(2019).includes(u.code))
      .map((u) => u.code);
    const people = generatePeople(wholeYear, 300, 2019);
    step(`Personale (GENERATED): 300 dipendenti con assegnazioni e valutazioni 2019`);
    await importPeople(dataSource, planningOffice, people);

    const toReport = await objectivesToReport(dataSource, schede.manualKpis);
    for (const year of YEARS) {
      const reports = generateMonitoringReports(toReport, schede, directorates(year), year);
      step(`Monitoraggi ${year}: ${reports.length} schede di monitoraggio delle direzioni (30/09 e 31/12)`);
      for (const { input, sentAt } of reports) {
        await recordMonitoringReport(dataSource, referent(input.unitCode), input, sentAt);
      }
      step(`Job ${year}: ITP, debito scaduto, CRM e Piano Quartieri, eseguiti il 2 gennaio ${year + 1}`);
      await runJobs(dataSource, config, year);
    }

    step("Regole 2019: fondi per categoria e differenziazione (art. 69) dal contratto integrativo (GENERATED)");
    const agreement = await recordAct(dataSource, planningOffice, {
      kind: ActKind.COLLECTIVE_AGREEMENT,
      number: "1",
      date: "2020-02-10",
      subject: "Contratto integrativo: fondi del risultato 2019 (GENERATED per la demo)",
    });
    const fund = (amount: number) => ({ actKey: agreement.key, amount });
    await setIncentiveRules(dataSource, planningOffice, {
      year: 2019,
      actKey: agreement.key,
      rules: {
        differentiation: { quota: 0.1, uplift: 0.3, categories: ["STAFF"] },
        funds: { STAFF: fund(480_000), PO: fund(150_000), MANAGER: fund(90_000) },
      },
    });

    const attainment = createAttainmentService(dataSource, new YearDataCache(dataSource));
    step("Ciclo 2019: in revisione (01/03/2020), validato dal Nucleo di Valutazione (20/06/2020)");
    await moveCycle(
      dataSource,
      attainment,
      planningOffice,
      {
        year: 2019,
        to: CycleStatus.UNDER_REVIEW,
        actKey: null,
        note: "Relazione sulla Performance 2019 trasmessa al Nucleo",
      },
      { now: new Date("2020-03-01T09:00:00Z") },
    );
    const minutes = await recordAct(
      dataSource,
      nucleo,
      {
        kind: ActKind.EVALUATION_BOARD_MINUTES,
        number: "5",
        date: "2020-06-20",
        subject: "Validazione della Relazione sulla Performance 2019 (verbale GENERATED per la demo)",
      },
      new Date("2020-06-20T09:00:00Z"),
    );
    await moveCycle(
      dataSource,
      attainment,
      nucleo,
      {
        year: 2019,
        to: CycleStatus.VALIDATED,
        actKey: minutes.key,
        note: "Validazione della Relazione sulla Performance 2019 (GENERATED)",
      },
      { now: new Date("2020-06-20T09:00:00Z") },
    );

    const guided = await printDemoSummary(dataSource, attainment, 2019);
    if (!guided) throw new Error("no directorate has a 2019 score: the demo has nothing to show");
    await printDashboardGuide(config, 2019, guided);
  } finally {
    await dataSource.destroy();
  }
}

function step(text: string): void {
  console.log(`• ${text}`);
}

function basisFor(act: { kind: ActKind; number: string; date: string }) {
  return {
    basis: {
      act: { ...act, subject: null },
      reason: PlanChangeReason.CHANGED_PRIORITIES,
      effectiveDate: null,
      annexPage: null,
      note: "Schede GENERATED per la demo: non sono dati del Comune di Milano",
    },
    dryRun: false,
    jobKeys: jobKeys(loadConfig()),
  };
}

/** Every objective of the demo's years, with whether it has KPIs and one measured by its phases. */
async function objectivesToDetail(dataSource: DataSource) {
  const [objectives, years, kpis] = await Promise.all([
    dataSource.manager.find(Objective, { where: { status: ObjectiveStatus.ACTIVE }, order: { position: "ASC" } }),
    dataSource.manager.find(ObjectiveYear),
    dataSource.manager.find(Kpi),
  ]);
  return objectives
    .map((o) => ({
      key: o.key,
      level: o.level,
      years: years.filter((y) => y.objectiveId === o.id).map((y) => y.year),
      hasKpis: kpis.some((k) => k.objectiveId === o.id),
      hasMilestone: kpis.some((k) => k.objectiveId === o.id && k.direction === KpiDirection.MILESTONE),
    }))
    .filter((o) => o.years.some((y) => YEARS.includes(y)) && o.level !== ObjectiveLevel.PORTFOLIO);
}

/** The objectives the directorates report on, with their hand-entered KPIs and targets. */
async function objectivesToReport(
  dataSource: DataSource,
  generated: Map<string, Array<{ code: string; direction: string; targets: Map<number, number> }>>,
): Promise<ObjectiveToReport[]> {
  const [objectives, years, units, kpis, targets] = await Promise.all([
    dataSource.manager.find(Objective, { where: { status: ObjectiveStatus.ACTIVE }, order: { position: "ASC" } }),
    dataSource.manager.find(ObjectiveYear),
    dataSource.manager.find(OrgUnit),
    dataSource.manager.find(Kpi, { where: { source: "MANUAL" } }),
    dataSource.manager.find(Target, { order: { effectiveDate: "ASC" } }),
  ]);
  const code = new Map(units.map((u) => [u.id, u.code]));
  return objectives.map((o) => ({
    key: o.key,
    level: o.level,
    years: years.filter((y) => y.objectiveId === o.id).map((y) => y.year),
    ownerCode: o.ownerUnitId === null ? null : code.get(o.ownerUnitId)!,
    manualKpis:
      generated.get(o.key) ??
      kpis
        .filter((k) => k.objectiveId === o.id && k.direction !== KpiDirection.MILESTONE)
        .map((k) => ({
          code: k.code,
          direction: k.direction === KpiDirection.LOWER_IS_BETTER ? "DECRESCENTE" : "CRESCENTE",
          targets: new Map(
            targets.filter((t) => t.kpiId === k.id && t.value !== null).map((t) => [t.year, Number(t.value)]),
          ),
        })),
  }));
}

async function runJobs(dataSource: DataSource, config: ReturnType<typeof loadConfig>, year: number): Promise<void> {
  const tick = new Date(`${year + 1}-01-02T02:00:00Z`);
  for (const job of configuredJobs(config)) {
    const run = await runJob(
      dataSource,
      {
        job: job.definition,
        source: job.source(),
        period: { year, kind: PeriodKind.YEAR, index: 0 },
        triggeredBy: "demo",
      },
      { ...runnerOptions(config), now: () => tick },
    );
    if (run?.status !== JobRunStatus.SUCCEEDED)
      throw new Error(`${job.definition.key} ${year}: ${run?.error ?? "not run"}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
