/**
 * The Relazione sulla Performance as plain data (D.Lgs. 150/2009 art. 10): what every renderer
 * (HTML, XLSX, PDF) lays out, and nothing they would have to look up. Scores are shares (0.8 is
 * 80%); texts are the Italian the reader sees.
 */
export interface Relazione {
  year: number;
  administration: string;
  /** True until the Nucleo validated the year: the figures may still change. */
  provisional: boolean;
  cycleStatus: string;
  /** The day the figures are known as of: the validation's day for a frozen year. */
  knownOn: string;
  /** When the figures were frozen (the Nucleo's validation), the report's only instant; null while provisional. */
  frozenAt: string | null;
  ruleSetVersion: number;
  gate: GateSection;
  units: UnitSection[];
  health: HealthLine[];
  decisions: DecisionLine[];
  distribution: DistributionLine[];
}

export interface GateSection {
  /** Null: it cannot be judged yet (a Solidale objective incomplete). */
  open: boolean | null;
  /** What the Solidali give by the rule, beside the Nucleo's decision on the gate. */
  computedOpen: boolean | null;
  rule: string;
  score: number | null;
  objectives: ObjectiveLine[];
}

export interface ObjectiveLine {
  key: string;
  title: string;
  /** In force: the Nucleo's override where it set one. */
  score: number | null;
  computedScore: number | null;
  /** Raggiunto, Parzialmente raggiunto, Non raggiunto, Incompleto. */
  status: string;
  /** How far from full attainment (1 − score); null when incomplete. */
  gap: number | null;
  kpis: KpiLine[];
  /** The reasons the directorates gave for the gaps in their monitoring reports, oldest first. */
  reasons: GapReason[];
}

export interface KpiLine {
  code: string;
  name: string;
  /** The target as the plan states it; "—" when none is in force. */
  target: string;
  value: number | null;
  unit: string;
  score: number | null;
}

export interface GapReason {
  monitoringDate: string;
  unitCode: string;
  kpiCode: string | null;
  reason: string;
  correctiveAction: string;
}

export interface UnitSection {
  code: string;
  name: string;
  direzioneScore: number | null;
  gestionaleScore: number | null;
  /** The organisational score: Direzione and Gestionale weighed by the year's rules. */
  score: number | null;
  objectives: ObjectiveLine[];
  gestionali: ObjectiveLine[];
}

export interface TrendPoint {
  period: string;
  value: number | null;
}

export interface HealthLine {
  group: string;
  objectiveKey: string;
  objectiveTitle: string;
  kpi: KpiLine;
  /** The year's values period by period (quarters or months), as known on the report's day. */
  trend: TrendPoint[];
}

export interface DecisionLine {
  subject: string;
  decision: string;
  /** The score the Nucleo set (overridden) or the gate it decided; null otherwise. */
  score: number | null;
  gateOpen: boolean | null;
  /** What the figures give without the decision. */
  computedScore: number | null;
  computedGateOpen: boolean | null;
  comment: string | null;
  decidedOn: string;
}

/** The art. 18 view: how the evaluations spread, per category and unit, with no names. */
export interface DistributionLine {
  category: string;
  unitCode: string;
  evaluated: number;
  distinctScores: number;
  minScore: number;
  meanScore: number;
  topScore: number;
  shareAtTop: number;
  /** "100 × 2; 80 × 1": each score given, highest first, with how many got it. */
  scores: string;
}
