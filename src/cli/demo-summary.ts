import { DataSource } from "typeorm";
import { AttainmentService } from "../attainment/attainment-service";
import { computeCycleEligibility } from "../incentives/cycle-eligibility";
import { payrollCsv } from "../incentives/payroll-export";
import { GuideUnit } from "./demo-guide";

const percent = (score: number | null) => (score === null ? "—" : `${(score * 100).toFixed(1).replace(".", ",")}%`);

/**
 * What the demo proves, in figures from the same service the API answers with, and what to try next;
 * answers the directorate to sign in as its referent: EDU when scored (the README's examples), else
 * the best scored one.
 */
export async function printDemoSummary(
  dataSource: DataSource,
  attainment: AttainmentService,
  year: number,
): Promise<GuideUnit | null> {
  const [gate, units, eligibility, payroll] = await Promise.all([
    attainment.gate(year, null),
    attainment.units(year, null),
    computeCycleEligibility(dataSource, attainment, year),
    payrollCsv(dataSource, year),
  ]);
  const objectives = units.flatMap((u) => u.direzione.objectives);
  const incomplete = objectives.filter((o) => o.score === null);
  const scored = units.filter((u) => u.score !== null);
  const paid = eligibility.rows.filter((r) => (r.payableShare ?? 0) > 0);
  const euros = (cents: number) =>
    (cents / 100).toLocaleString("it-IT", { style: "currency", currency: "EUR", minimumFractionDigits: 2 });
  const distributed = eligibility.rows.reduce((sum, r) => sum + (r.amountCents ?? 0), 0);
  console.log(`
Risultati ${year} (dati GENERATED, non del Comune di Milano):
  Obiettivi Solidali: cancello ${gate.open === null ? "non valutabile" : gate.open ? "APERTO" : "CHIUSO"} (${gate.mode}, punteggio ${percent(gate.score)})
${gate.objectives.map((o) => `    ${percent(o.score).padStart(7)}  ${o.objective.title}`).join("\n")}
  Direzioni con un punteggio: ${scored.length} di ${units.length}
  Obiettivi di Direzione valutati: ${objectives.length - incomplete.length} di ${objectives.length}${incomplete.length ? `; incompleti: ${incomplete.map((o) => `${o.objective.key} (${o.missing})`).join(", ")}` : ""}
  Migliori e peggiori direzioni:
${[...scored]
  .sort((a, b) => b.score! - a.score!)
  .filter((_, i, all) => i < 3 || i >= all.length - 3)
  .map((u) => `    ${percent(u.score).padStart(7)}  ${u.unit.name}`)
  .join("\n")}
  Incentivi: ${eligibility.rows.length} righe (dipendente e categoria), ${paid.length} con quota pagabile, ${euros(distributed)} distribuiti; file per le paghe di ${payroll.split("\n").length - 2} righe

Da provare con GraphiQL (/explorer, indirizzo qui sotto):
  { attainment(year: ${year}) { gate { open score objectives { objective { title } score explain } } } }
  { orgUnit(code: "EDU", asOf: "${year}-12-31") { attainment(year: ${year}) { score direzione { score objectives { objective { key title } score kpis { kpi { code } value score target { value act { key } } } } } } } }
  { objective(key: "SOL-SOLIDALE") { attainment(year: ${year}, asOf: "${year + 1}-01-31") { score kpis { value measurement { jobRun { id period } } target { value act { key } } } } } }
  { objective(key: "${objectives[0]?.objective.key ?? "DIR-EDU-2019-1"}") { phases { code name plannedDate } trajectory(year: ${year}) { date score kpis { kpi { code } value score } } monitoringReports { monitoringDate gaps { reason correctiveAction } } } }
  { monitoringDue(date: "${year + 1}-06-30") { unit { code } objective { key } missingPhases { code } missingValues { code } missingReason } }
  { eligibility(year: ${year}, first: 5) { nodes { employee { code } payableShare explain } } }   (con il token PAYROLL qui sotto)
  node --env-file=var/demo/demo.env dist/src/cli/export-payroll.js --year ${year}
`);
  const guided = [...scored].sort(
    (a, b) => Number(b.unit.code === "EDU") - Number(a.unit.code === "EDU") || b.score! - a.score!,
  )[0];
  return guided
    ? {
        code: guided.unit.code,
        name: guided.unit.name,
        score: guided.score!,
        scoredObjectives: guided.direzione.objectives.filter((o) => o.score !== null).length,
      }
    : null;
}
