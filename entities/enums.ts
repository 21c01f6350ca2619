import { registerEnumType } from "type-graphql";

/** Every enum of the model, declared once and registered once with GraphQL. */

export enum ObjectiveLevel {
  SOLIDALE = "SOLIDALE",
  GESTIONALE = "GESTIONALE",
  SALUTE = "SALUTE",
  PORTFOLIO = "PORTFOLIO",
  DIREZIONE = "DIREZIONE",
}

export enum HealthGroup {
  FINANCIAL = "FINANCIAL",
  ORGANISATIONAL = "ORGANISATIONAL",
  RELATIONS = "RELATIONS",
}

export enum ObjectiveStatus {
  ACTIVE = "ACTIVE",
  REMOVED = "REMOVED",
}

export enum ActKind {
  GIUNTA_RESOLUTION = "GIUNTA_RESOLUTION",
  COUNCIL_RESOLUTION = "COUNCIL_RESOLUTION",
  DG_DETERMINATION = "DG_DETERMINATION",
  MAYORAL_DECREE = "MAYORAL_DECREE",
  /** Verbale del Nucleo di Valutazione: validates the year's evaluation or sends it back. */
  EVALUATION_BOARD_MINUTES = "EVALUATION_BOARD_MINUTES",
  /** Contratto collettivo decentrato integrativo: the incentive rules and funds of a year. */
  COLLECTIVE_AGREEMENT = "COLLECTIVE_AGREEMENT",
}

/**
 * What an act does to the plan: approves it, amends it, details it, reorganises the units, rules a
 * year's evaluation (validates it, sends it back, reopens it, sets its incentive rules or funds), or
 * is only cited.
 */
export enum ActEffect {
  APPROVES_PLAN = "APPROVES_PLAN",
  AMENDS_PLAN = "AMENDS_PLAN",
  DETAILS_PLAN = "DETAILS_PLAN",
  REORGANISES = "REORGANISES",
  RULES_EVALUATION = "RULES_EVALUATION",
  CITED = "CITED",
}

export enum PlanChangeKind {
  CREATED = "CREATED",
  TRANSFERRED = "TRANSFERRED",
  RENAMED = "RENAMED",
  UPDATED = "UPDATED",
  REMOVED = "REMOVED",
}

export enum PlanChangeReason {
  REORGANISATION = "REORGANISATION",
  CHANGED_PRIORITIES = "CHANGED_PRIORITIES",
  REGULATORY = "REGULATORY",
  FORM_ONLY = "FORM_ONLY",
}

/**
 * Where a change is known from: listed in an act's annex, or implied because the objective stands in
 * the amended plan without the amending act creating it, so it was in the plan the earlier act approved.
 */
export enum PlanChangeSource {
  ANNEX = "ANNEX",
  IMPLIED = "IMPLIED",
}

export enum OrgUnitKind {
  DIRECTORATE = "DIRECTORATE",
  SPECIALIST_DIRECTORATE = "SPECIALIST_DIRECTORATE",
  SECRETARIAT = "SECRETARIAT",
  AREA = "AREA",
}

export enum KpiUnit {
  PERCENT = "PERCENT",
  DAYS = "DAYS",
  COUNT = "COUNT",
  EUR = "EUR",
  RATIO = "RATIO",
  MILESTONE = "MILESTONE",
}

export enum KpiDirection {
  HIGHER_IS_BETTER = "HIGHER_IS_BETTER",
  LOWER_IS_BETTER = "LOWER_IS_BETTER",
  RANGE = "RANGE",
  MILESTONE = "MILESTONE",
}

export enum KpiFrequency {
  MONTHLY = "MONTHLY",
  QUARTERLY = "QUARTERLY",
  YEARLY = "YEARLY",
}

export enum ScoringRule {
  LINEAR = "LINEAR",
  BANDS = "BANDS",
}

export enum PeriodKind {
  YEAR = "YEAR",
  QUARTER = "QUARTER",
  MONTH = "MONTH",
}

export enum MeasurementStatus {
  PROVISIONAL = "PROVISIONAL",
  VALIDATED = "VALIDATED",
}

export enum JobRunStatus {
  RUNNING = "RUNNING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
  /** Its process stopped (killed, crashed) before finishing; it wrote nothing. */
  INTERRUPTED = "INTERRUPTED",
  /** Not run: the job was still running elsewhere (the reason is in its notes). */
  SKIPPED = "SKIPPED",
}

/** What part of the plan a change touches: an objective, or a detail element of its scheda. */
export enum PlanElement {
  OBJECTIVE = "OBJECTIVE",
  KPI = "KPI",
  TARGET = "TARGET",
  PHASE = "PHASE",
}

/** A phase's progress as a directorate reports it at a monitoring date. */
export enum PhaseProgress {
  DONE = "DONE",
  ON_TIME = "ON_TIME",
  LATE = "LATE",
}

/** The life of a plan year's evaluation (DESIGN.md §2). */
export enum CycleStatus {
  OPEN = "OPEN",
  UNDER_REVIEW = "UNDER_REVIEW",
  VALIDATED = "VALIDATED",
  CLOSED = "CLOSED",
}

/** The Nucleo di Valutazione's decision on an objective's or a unit's attainment. */
export enum ReviewDecision {
  VALIDATED = "VALIDATED",
  CONTESTED = "CONTESTED",
  OVERRIDDEN = "OVERRIDDEN",
}

/** How the Solidale gate is judged (DESIGN.md §4): each objective at 100%, or their weighted mean at a threshold. */
export enum GateMode {
  ALL = "ALL",
  WEIGHTED_MEAN = "WEIGHTED_MEAN",
}

/** The three populations with different bonus rules. */
export enum StaffCategory {
  MANAGER = "MANAGER",
  PO = "PO",
  STAFF = "STAFF",
}

/**
 * What the law asks to publish in Amministrazione Trasparente: the quarterly ITP within 30 days
 * of the quarter's end; the annual ITP, with the debts and the creditor firms, by 31 January; the
 * L. 145/2018 figures by 31 January (DPCM 22/09/2014 art. 10; D.Lgs. 33/2013 art. 33).
 */
export enum TransparencyObligation {
  ITP_QUARTERLY = "ITP_QUARTERLY",
  ITP_ANNUAL = "ITP_ANNUAL",
  L145_ANNUAL = "L145_ANNUAL",
}

/** Where a publication stands on a date. */
export enum PublicationStatus {
  /** Not due yet, and the figures are not ready. */
  WAITING = "WAITING",
  /** Not due yet, the figures ready to publish. */
  READY = "READY",
  /** Past its due date and not published. */
  LATE = "LATE",
  PUBLISHED = "PUBLISHED",
  /** Published after its due date. */
  PUBLISHED_LATE = "PUBLISHED_LATE",
}

/** How a reminder went: sent, failed (retried at the next run), only listed (no SMTP configured), or no address to send to. */
export enum ReminderStatus {
  SENT = "SENT",
  FAILED = "FAILED",
  LISTED = "LISTED",
  NO_RECIPIENT = "NO_RECIPIENT",
}

/**
 * What a reminder is about: a monitoring date (what a unit still owes, the targets of its KPIs
 * included), or a publication deadline of the transparency calendar (to the administrators).
 */
export enum ReminderKind {
  MONITORING = "MONITORING",
  PUBLICATION = "PUBLICATION",
}

/**
 * What is wrong with a job's source: two failed runs in a row, a run that rejected too many rows,
 * one that found none, or a value it gave far from its KPI's trajectory.
 */
export enum SourceAlertKind {
  FAILED_TWICE = "FAILED_TWICE",
  REJECTED_SHARE = "REJECTED_SHARE",
  NO_ROWS = "NO_ROWS",
  FAR_FROM_TRAJECTORY = "FAR_FROM_TRAJECTORY",
}

/** What a caller may do (DESIGN.md §6). */
export enum Role {
  VIEWER = "VIEWER",
  UNIT_MANAGER = "UNIT_MANAGER",
  EVALUATION_BOARD = "EVALUATION_BOARD",
  PAYROLL = "PAYROLL",
  ADMIN = "ADMIN",
}

const registrations: Array<[object, string, string]> = [
  [ObjectiveLevel, "ObjectiveLevel", "The six elements of the plan, less individual performance (scored per person)"],
  [HealthGroup, "HealthGroup", "The three groups of Indicatori di Salute dell'Ente"],
  [ObjectiveStatus, "ObjectiveStatus", "Whether the objective is in the plan as it stands today"],
  [ActKind, "ActKind", "The kind of formal act"],
  [ActEffect, "ActEffect", "What the act does to the plan"],
  [PlanChangeKind, "PlanChangeKind", "What a plan change did to an objective"],
  [PlanChangeReason, "PlanChangeReason", "Why the plan changed, as the amending act classifies it"],
  [PlanChangeSource, "PlanChangeSource", "Whether the change is listed in an annex or implied by the plan"],
  [OrgUnitKind, "OrgUnitKind", "The kind of organisational unit"],
  [KpiUnit, "KpiUnit", "The unit a KPI is measured in"],
  [KpiDirection, "KpiDirection", "Which way a KPI improves"],
  [KpiFrequency, "KpiFrequency", "How often a KPI is measured"],
  [ScoringRule, "ScoringRule", "How a KPI value becomes a score"],
  [PeriodKind, "PeriodKind", "The length of a measurement period"],
  [MeasurementStatus, "MeasurementStatus", "Whether a measurement has been validated"],
  [JobRunStatus, "JobRunStatus", "The state of a job run"],
  [Role, "Role", "What a caller may do"],
  [PlanElement, "PlanElement", "The part of the plan a change touches: an objective or an element of its scheda"],
  [PhaseProgress, "PhaseProgress", "DONE, ON_TIME (not done, not yet due or expected by its date) or LATE"],
  [CycleStatus, "CycleStatus", "OPEN → UNDER_REVIEW → VALIDATED → CLOSED"],
  [ReviewDecision, "ReviewDecision", "The Nucleo di Valutazione's decision"],
  [StaffCategory, "StaffCategory", "Dirigente (MANAGER), Posizione Organizzativa (PO) or dipendente (STAFF)"],
  [TransparencyObligation, "TransparencyObligation", "A publication the law asks of Amministrazione Trasparente"],
  [PublicationStatus, "PublicationStatus", "Where a publication stands on a date: waiting, ready, late or published"],
  [
    ReminderKind,
    "ReminderKind",
    "MONITORING (a unit's reports and targets before a monitoring date) or PUBLICATION (a publication deadline)",
  ],
  [
    ReminderStatus,
    "ReminderStatus",
    "SENT, FAILED (retried at the next run), LISTED (no SMTP configured) or NO_RECIPIENT",
  ],
  [
    SourceAlertKind,
    "SourceAlertKind",
    "FAILED_TWICE (two runs in a row), REJECTED_SHARE (too many rows rejected), NO_ROWS (nothing new in the source) or FAR_FROM_TRAJECTORY (a value far from its KPI's trajectory)",
  ],
  [GateMode, "GateMode", "ALL: each Obiettivo Solidale at 100% of target; WEIGHTED_MEAN: their mean at the threshold"],
];
for (const [enumObject, name, description] of registrations) registerEnumType(enumObject, { name, description });
