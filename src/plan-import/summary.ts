import { PlanChangeKind, PlanElement } from "../../entities/enums";
import { SchedaChangeSummary } from "../plan/scheda/apply-scheda";
import { ENTE, KPIS, OBJECTIVES, PHASES, UNITS } from "./sheets/template";

/** What an import created, changed and removed, per sheet and kind of element. */
export interface ImportedElements {
  sheet: string;
  element: string;
  created: number;
  changed: number;
  removed: number;
}

export interface PlanImportSummary {
  /** Nothing was written: this is what the import would do. */
  dryRun: boolean;
  actKey: string;
  /** The act was not recorded before this import. */
  actRecorded: boolean;
  elements: ImportedElements[];
  /** The plan changes the act records: objectives created, KPIs, targets and phases created, changed or removed. */
  changes: number;
}

export function importedElements(
  organisation: { planCreated: boolean; units: number; objectives: number },
  scheda: readonly SchedaChangeSummary[],
): ImportedElements[] {
  const count = (element: PlanElement, kind: PlanChangeKind) =>
    scheda.filter((c) => c.element === element && c.kind === kind).length;
  const of = (sheet: string, label: string, element: PlanElement) => ({
    sheet,
    element: label,
    created: count(element, PlanChangeKind.CREATED),
    changed: count(element, PlanChangeKind.UPDATED),
    removed: count(element, PlanChangeKind.REMOVED),
  });
  const created = (sheet: string, element: string, n: number) => ({
    sheet,
    element,
    created: n,
    changed: 0,
    removed: 0,
  });
  return [
    created(ENTE.name, "piano", organisation.planCreated ? 1 : 0),
    created(UNITS.name, "unità", organisation.units),
    created(OBJECTIVES.name, "obiettivi", organisation.objectives),
    of(KPIS.name, "indicatori", PlanElement.KPI),
    of(KPIS.name, "target", PlanElement.TARGET),
    of(PHASES.name, "fasi", PlanElement.PHASE),
  ];
}

const FEMININE = new Set(["unità", "fasi"]);

/** "3 creati", "1 fase creata": the participle agrees with the element. */
function counted(n: number, stem: string, element: string): string | null {
  if (n === 0) return null;
  const ending = FEMININE.has(element) ? (n === 1 ? "a" : "e") : n === 1 ? "o" : "i";
  return `${n} ${stem}${ending}`;
}

/** The summary in Italian, a line per sheet and kind of element. */
export function summaryLines(summary: PlanImportSummary): string[] {
  const lines = summary.elements
    .filter((e) => e.created + e.changed + e.removed > 0)
    .map((e) => {
      const parts = [
        counted(e.created, "creat", e.element),
        counted(e.changed, "cambiat", e.element),
        counted(e.removed, "tolt", e.element),
      ].filter((p) => p !== null);
      return `${e.sheet} — ${e.element}: ${parts.join(", ")}`;
    });
  const act = `${summary.actKey}${summary.actRecorded ? " (registrato ora)" : ""}`;
  return [
    summary.dryRun
      ? `Prova: nulla è stato scritto. Con l'atto ${act} l'importazione farebbe:`
      : `Importato con l'atto ${act}:`,
    ...(lines.length ? lines : ["nessun cambiamento: il file dice ciò che è già in vigore"]),
    `Cambiamenti del piano ${summary.dryRun ? "che l'atto registrerebbe" : "registrati dall'atto"}: ${summary.changes}`,
  ];
}
