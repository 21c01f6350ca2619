import { KpiDirection, PhaseProgress } from "../../entities/enums";
import { GapReport, PhaseReport } from "../../entities/monitoring-report.entity";

export interface ReportProblem {
  field: string;
  message: string;
}

interface ReportedFacts {
  monitoringDate: string;
  phases: PhaseReport[];
  values: Array<{ kpiCode: string; value: string }>;
  gaps: GapReport[];
}

interface ObjectiveScheda {
  phases: ReadonlyArray<{ code: string; plannedDate: string }>;
  kpis: ReadonlyArray<{ code: string; source: string; direction: KpiDirection }>;
}

/**
 * What a monitoring report must hold together, in words a directorate can act on: phases and
 * KPIs of the objective reported on, a done phase with the day it was done (not after the
 * monitoring date), a phase past its planned date that is not done reported late with the day now
 * expected, values only for KPIs entered by hand, and a reason with its corrective action for any
 * phase that is late (Funzione Pubblica guideline 3/2018).
 */
export function reportProblems(report: ReportedFacts, scheda: ObjectiveScheda): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const seen = new Set<string>();
  for (const phase of report.phases) {
    const planned = scheda.phases.find((p) => p.code === phase.phaseCode);
    if (!planned) problem("phases", `la fase ${phase.phaseCode} non è nel cronoprogramma dell'obiettivo`);
    if (seen.has(phase.phaseCode)) problem("phases", `la fase ${phase.phaseCode} è indicata due volte`);
    seen.add(phase.phaseCode);
    if (phase.progress === PhaseProgress.DONE && (phase.date === null || phase.date > report.monitoringDate))
      problem(
        "phases",
        `la fase ${phase.phaseCode} è conclusa: indicare la data, non successiva al ${report.monitoringDate}`,
      );
    if (phase.progress === PhaseProgress.LATE && (phase.date === null || phase.date <= report.monitoringDate))
      problem(
        "phases",
        `la fase ${phase.phaseCode} è in ritardo: indicare la data prevista di conclusione, dopo il ${report.monitoringDate}`,
      );
    if (phase.progress === PhaseProgress.ON_TIME && planned && planned.plannedDate < report.monitoringDate)
      problem(
        "phases",
        `la fase ${phase.phaseCode} era prevista per il ${planned.plannedDate}: se non è conclusa è in ritardo`,
      );
  }
  const valued = new Set<string>();
  for (const { kpiCode } of report.values) {
    if (valued.has(kpiCode)) problem("values", `l'indicatore ${kpiCode} è indicato due volte`);
    valued.add(kpiCode);
    const kpi = scheda.kpis.find((k) => k.code === kpiCode);
    if (!kpi) problem("values", `l'indicatore ${kpiCode} non è dell'obiettivo`);
    else if (kpi.direction === KpiDirection.MILESTONE)
      problem("values", `l'indicatore ${kpiCode} si misura dalle fasi: riportare l'avanzamento delle fasi`);
    else if (kpi.source !== "MANUAL") problem("values", `l'indicatore ${kpiCode} è alimentato dal job ${kpi.source}`);
  }
  for (const gap of report.gaps) {
    if (gap.kpiCode !== null && !scheda.kpis.some((k) => k.code === gap.kpiCode))
      problem("gaps", `l'indicatore ${gap.kpiCode} non è dell'obiettivo`);
    if (!gap.reason.trim() || !gap.correctiveAction.trim())
      problem("gaps", "ogni scostamento vuole la motivazione e l'azione correttiva");
  }
  if (report.phases.some((p) => p.progress === PhaseProgress.LATE) && report.gaps.length === 0)
    problem("gaps", "una fase è in ritardo: indicare la motivazione dello scostamento e l'azione correttiva");
  return problems;
}
