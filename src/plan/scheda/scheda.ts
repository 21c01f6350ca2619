import { KpiDirection, KpiFrequency, KpiUnit, ScoringRule } from "../../../entities/enums";

/**
 * The detail elements of an objective's scheda as the Direttore Generale's act states them
 * (DESIGN.md §2): plain data, the same whether they come from a mutation or a spreadsheet.
 * Decimals are canonical strings ("0.5", not "0.500000") so that equal values compare equal.
 */
export type KpiDefinition = {
  objectiveKey: string;
  code: string;
  name: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** Weight in its objective. */
  weight: string;
  frequency: KpiFrequency;
  /** MANUAL, or the key of the job that feeds it. */
  source: string;
  scoring: ScoringRule;
};

export type TargetDefinition = {
  kpiCode: string;
  year: number;
  description: string;
  value: string | null;
  /** Floor (HIGHER_IS_BETTER) or ceiling (LOWER_IS_BETTER). */
  bound: string | null;
  strict: boolean;
  low: string | null;
  high: string | null;
  tolerance: string | null;
};

export type PhaseDefinition = {
  objectiveKey: string;
  code: string;
  name: string;
  plannedDate: string;
  weight: string;
};

/** The fields compared and recorded, in the order a person reads them. */
export const KPI_FIELDS = [
  "objectiveKey",
  "name",
  "unit",
  "direction",
  "weight",
  "frequency",
  "source",
  "scoring",
] as const;
export const TARGET_FIELDS = ["description", "value", "bound", "strict", "low", "high", "tolerance"] as const;
export const PHASE_FIELDS = ["objectiveKey", "name", "plannedDate", "weight"] as const;

export type SchedaElement =
  | { element: "KPI"; key: string; definition: KpiDefinition }
  | { element: "TARGET"; key: string; definition: TargetDefinition }
  | { element: "PHASE"; key: string; definition: PhaseDefinition };

/** A target in words when the act gives only its numbers: "80", "> 70" ("< 5" when lower is better), "90-100". */
export function defaultTargetDescription(
  target: Pick<TargetDefinition, "value" | "strict" | "low" | "high">,
  lowerIsBetter = false,
): string {
  const strict = target.strict ? (lowerIsBetter ? "< " : "> ") : "";
  return `${strict}${target.value ?? `${target.low}-${target.high}`}`;
}

export const targetKey = (kpiCode: string, year: number) => `${kpiCode}/${year}`;
