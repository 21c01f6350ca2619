import { ObjectiveLevel, PhaseProgress } from "../../entities/enums";
import { GapReport, PhaseReport } from "../../entities/monitoring-report.entity";
import { MonitoringReportInput } from "../monitoring/record-report";
import { GeneratedSchede } from "./plan-schede";
import { seededRandom } from "./random";

/**
 * GENERATED, NOT REAL DATA: the directorates' monitoring reports of a year, as they would send them:
 * at 30 September (sent ten days later) and at the year's end (sent in January), with most phases
 * on time, some late with their reasons, and values around their targets.
 */

export interface ReportToSend {
  input: MonitoringReportInput;
  sentAt: Date;
}

export interface ObjectiveToReport {
  key: string;
  level: ObjectiveLevel;
  years: number[];
  ownerCode: string | null;
  /** Hand-entered KPIs and the target of each year. */
  manualKpis: Array<{ code: string; direction: string; targets: Map<number, number> }>;
}

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const LATE_REASON: GapReport = {
  kpiCode: null,
  reason: "Ritardo nell'aggiudicazione della fornitura necessaria alla fase",
  correctiveAction: "Procedura riavviata e cronoprogramma aggiornato con il fornitore",
};

/** A value of a hand-entered KPI: mostly at or near its target, a tenth short of it. */
function valueFor(kpi: { direction: string }, target: number, random: () => number, share = 1): string {
  const short = random() < 0.1;
  if (kpi.direction === "DECRESCENTE") return String(Math.round(target * (short ? 1.4 : 0.8 + random() * 0.2)));
  if (kpi.direction === "INTERVALLO") return String(short ? 84 : 90 + Math.round(random() * 10));
  // Percentages stop at 100.
  return String(Math.min(Math.max(target, 100), Math.round(target * share * (short ? 0.8 : 1 + random() * 0.1))));
}

export function generateMonitoringReports(
  objectives: readonly ObjectiveToReport[],
  schede: GeneratedSchede,
  directorates: readonly string[],
  year: number,
  seed = 930,
): ReportToSend[] {
  const random = seededRandom(seed + year);
  const reports: ReportToSend[] = [];
  const phasesOf = (key: string) => (schede.phaseCodes.get(key) ?? []).filter((c) => c.includes(`-F${year}-`));

  for (const objective of objectives.filter((o) => o.years.includes(year))) {
    const phases = phasesOf(objective.key);
    if (objective.level === ObjectiveLevel.DIREZIONE && objective.ownerCode) {
      const late = random() < 0.12;
      const lateAtYearEnd = random() < 0.08;
      const kpis = objective.manualKpis.filter((k) => k.targets.has(year));
      const september: PhaseReport[] = phases.slice(0, 2).map((code, n) => {
        const planned = n === 0 ? `${year}-03-31` : `${year}-06-30`;
        return n === 1 && late
          ? { phaseCode: code, progress: PhaseProgress.LATE, date: `${year}-10-31`, evidence: null }
          : {
              phaseCode: code,
              progress: PhaseProgress.DONE,
              date: shift(planned, -3),
              evidence: `Verbale della fase ${n + 1}`,
            };
      });
      reports.push({
        sentAt: at(`${year}-10-10`),
        input: {
          objectiveKey: objective.key,
          unitCode: objective.ownerCode,
          monitoringDate: `${year}-09-30`,
          phases: september,
          values: kpis.map((k) => ({ kpiCode: k.code, value: valueFor(k, k.targets.get(year)!, random, 0.7) })),
          gaps: late ? [LATE_REASON] : [],
          note: "Monitoraggio intermedio (GENERATED)",
        },
      });
      const december: PhaseReport[] = phases.map((code, n) => ({
        phaseCode: code,
        progress: PhaseProgress.DONE,
        date:
          n === 1 && late
            ? `${year}-10-25`
            : n === 2 && lateAtYearEnd
              ? `${year}-12-15`
              : shift(n === 2 ? `${year}-11-30` : n === 0 ? `${year}-03-31` : `${year}-06-30`, -3),
        evidence: `Verbale della fase ${n + 1}`,
      }));
      reports.push({
        sentAt: at(`${year + 1}-01-20`),
        input: {
          objectiveKey: objective.key,
          unitCode: objective.ownerCode,
          monitoringDate: `${year}-12-31`,
          phases: december,
          values: kpis.map((k) => ({ kpiCode: k.code, value: valueFor(k, k.targets.get(year)!, random) })),
          gaps: late || lateAtYearEnd ? [LATE_REASON] : [],
          note: "Monitoraggio di fine anno (GENERATED)",
        },
      });
    } else if (objective.level === ObjectiveLevel.SOLIDALE && phases.length) {
      reports.push(yearEndPhases(objective.key, "DG", phases, year));
    } else if (objective.level === ObjectiveLevel.GESTIONALE) {
      for (const unit of directorates) reports.push(gestionaleReport(objective, unit, phases, year, random));
    }
  }
  return reports;
}

function yearEndPhases(key: string, unitCode: string, phases: string[], year: number): ReportToSend {
  const planned = [`${year}-03-31`, `${year}-06-30`, `${year}-11-30`];
  return {
    sentAt: at(`${year + 1}-01-20`),
    input: {
      objectiveKey: key,
      unitCode,
      monitoringDate: `${year}-12-31`,
      phases: phases.map((code, n) => ({
        phaseCode: code,
        progress: PhaseProgress.DONE,
        date: shift(planned[n], -5),
        evidence: null,
      })),
      values: [],
      gaps: [],
      note: "Monitoraggio di fine anno (GENERATED)",
    },
  };
}

/** A directorate's contribution to a Gestionale objective: its own values and phases. */
function gestionaleReport(
  objective: ObjectiveToReport,
  unitCode: string,
  phases: string[],
  year: number,
  random: () => number,
): ReportToSend {
  const report = yearEndPhases(objective.key, unitCode, phases, year);
  report.input.values = objective.manualKpis
    .filter((k) => k.targets.has(year))
    .map((k) => ({
      kpiCode: k.code,
      value:
        k.direction === "DECRESCENTE" ? String(2 + Math.round(random() * 8)) : String(71 + Math.round(random() * 24)),
    }));
  return report;
}
