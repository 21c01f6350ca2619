import { HealthGroup, ObjectiveLevel, OrgUnitKind } from "../../../entities/enums";
import { KpiDefinition, PhaseDefinition, TargetDefinition } from "../../plan/scheda/scheda";
import { ParsedRow } from "./sheet-rows";

/** A workbook read whole and checked on its own: what each sheet states, each element with its row. */
export interface PlanWorkbook {
  ente: ParsedRow<EnteDraft> | null;
  units: ParsedRow<UnitDraft>[];
  objectives: ParsedRow<ObjectiveDraft>[];
  kpis: ParsedRow<KpiDraft>[];
  phases: ParsedRow<PhaseDefinition>[];
  /** The plan years the Indicatori sheet has columns for, each with one of its headers and the header's row. */
  targetYears: Array<{ year: number; header: string; row: number }>;
}

export interface EnteDraft {
  administration: { code: string; name: string };
  plan: { code: string; title: string; firstYear: number; lastYear: number };
}

export interface UnitDraft {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
  head: string | null;
}

export interface ObjectiveDraft {
  key: string;
  level: ObjectiveLevel;
  owner: string | null;
  title: string;
  years: number[];
  collaborators: string[];
  parent: string | null;
  heading: string | null;
  healthGroup: HealthGroup | null;
}

/** A KPI row: the KPI, and the target of each year it fills, with the headers of that year it wrote in. */
export interface KpiDraft {
  kpi: KpiDefinition;
  targets: Array<{ definition: TargetDefinition; headers: Partial<Record<keyof TargetDefinition, string>> }>;
}
