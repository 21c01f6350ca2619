/**
 * The Italian label of every value of every GraphQL enum, for dashboards to show ("Raggiunto",
 * "Incompleto", "Dirigente") without a dictionary of their own. Keyed by the enum's GraphQL name;
 * a test holds it to the schema, so a new enum or value without a label fails the suite.
 */
export const ENUM_LABELS: Record<string, Record<string, string>> = {
  ActEffect: {
    APPROVES_PLAN: "Approva il Piano",
    AMENDS_PLAN: "Modifica il Piano",
    DETAILS_PLAN: "Dettaglia il Piano",
    REORGANISES: "Riorganizza la struttura",
    CITED: "Citato",
  },
  ActKind: {
    GIUNTA_RESOLUTION: "Deliberazione di Giunta",
    COUNCIL_RESOLUTION: "Deliberazione di Consiglio",
    DG_DETERMINATION: "Determinazione del Direttore Generale",
    MAYORAL_DECREE: "Decreto sindacale",
  },
  AttainmentStatus: { SCORED: "Valutato", INCOMPLETE: "Incompleto" },
  CycleStatus: { OPEN: "Aperto", UNDER_REVIEW: "In verifica", VALIDATED: "Validato", CLOSED: "Chiuso" },
  GateMode: { ALL: "Tutti gli Obiettivi Solidali raggiunti", WEIGHTED_MEAN: "Media ponderata sopra la soglia" },
  HealthGroup: {
    FINANCIAL: "Salute finanziaria",
    ORGANISATIONAL: "Salute organizzativa",
    RELATIONS: "Salute relazionale",
  },
  JobRunStatus: { RUNNING: "In corso", SUCCEEDED: "Riuscito", FAILED: "Non riuscito" },
  KpiDirection: {
    HIGHER_IS_BETTER: "Più alto è meglio",
    LOWER_IS_BETTER: "Più basso è meglio",
    RANGE: "Entro un intervallo",
    MILESTONE: "Per fasi",
  },
  KpiFrequency: { MONTHLY: "Mensile", QUARTERLY: "Trimestrale", YEARLY: "Annuale" },
  KpiUnit: {
    PERCENT: "Percentuale",
    DAYS: "Giorni",
    COUNT: "Numero",
    EUR: "Euro",
    RATIO: "Rapporto",
    MILESTONE: "Fasi",
  },
  MeasurementStatus: { PROVISIONAL: "Provvisoria", VALIDATED: "Validata" },
  ObjectiveLevel: {
    SOLIDALE: "Obiettivo Solidale",
    GESTIONALE: "Obiettivo Gestionale",
    SALUTE: "Indicatore di Salute dell'Ente",
    PORTFOLIO: "Portafoglio dei servizi",
    DIREZIONE: "Obiettivo di Direzione",
  },
  ObjectiveStatus: { ACTIVE: "In vigore", REMOVED: "Eliminato" },
  OrgUnitKind: {
    DIRECTORATE: "Direzione",
    SPECIALIST_DIRECTORATE: "Direzione specialistica",
    SECRETARIAT: "Segreteria",
    AREA: "Area",
  },
  PeriodKind: { YEAR: "Anno", QUARTER: "Trimestre", MONTH: "Mese" },
  PhaseProgress: { DONE: "Conclusa", ON_TIME: "In tempo", LATE: "In ritardo" },
  PlanChangeKind: {
    CREATED: "Inserito",
    TRANSFERRED: "Trasferito",
    RENAMED: "Rinominato",
    UPDATED: "Modificato",
    REMOVED: "Eliminato",
  },
  PlanChangeReason: {
    REORGANISATION: "Riorganizzazione",
    CHANGED_PRIORITIES: "Nuove priorità",
    REGULATORY: "Modifica normativa",
    FORM_ONLY: "Modifica formale",
  },
  PlanChangeSource: { ANNEX: "Da allegato", IMPLIED: "Implicita nel Piano" },
  PlanElement: { OBJECTIVE: "Obiettivo", KPI: "Indicatore", TARGET: "Target", PHASE: "Fase" },
  ReviewDecision: { VALIDATED: "Validato", CONTESTED: "Contestato", OVERRIDDEN: "Rettificato" },
  ScoringRule: { LINEAR: "Lineare", BANDS: "A fasce" },
  StaffCategory: { MANAGER: "Dirigente", PO: "Posizione Organizzativa", STAFF: "Dipendente" },
};
