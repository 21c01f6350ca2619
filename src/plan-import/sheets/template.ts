import {
  HealthGroup,
  KpiDirection,
  KpiFrequency,
  KpiUnit,
  ObjectiveLevel,
  OrgUnitKind,
  ScoringRule,
} from "../../../entities/enums";

/**
 * The template of the planning office's workbook: each sheet, its columns with their Italian
 * headers and what to write in them, and the Italian labels of the model's enums. The readers,
 * the template writer and the instructions sheet all come from here.
 */
export interface ColumnSpec {
  header: string;
  required: boolean;
  help: string;
}

export interface SheetSpec<C extends string = string> {
  name: string;
  /** The CSV file that stands for the sheet. */
  file: string;
  help: string;
  columns: Record<C, ColumnSpec>;
}

const col = (header: string, required: boolean, help: string): ColumnSpec => ({ header, required, help });

export const UNIT_KINDS: Record<string, OrgUnitKind> = {
  DIREZIONE: OrgUnitKind.DIRECTORATE,
  "DIREZIONE SPECIALISTICA": OrgUnitKind.SPECIALIST_DIRECTORATE,
  SEGRETERIA: OrgUnitKind.SECRETARIAT,
  AREA: OrgUnitKind.AREA,
};
export const LEVELS: Record<string, ObjectiveLevel> = {
  SOLIDALE: ObjectiveLevel.SOLIDALE,
  GESTIONALE: ObjectiveLevel.GESTIONALE,
  SALUTE: ObjectiveLevel.SALUTE,
  PORTAFOGLIO: ObjectiveLevel.PORTFOLIO,
  DIREZIONE: ObjectiveLevel.DIREZIONE,
};
export const HEALTH_GROUPS: Record<string, HealthGroup> = {
  FINANZIARIA: HealthGroup.FINANCIAL,
  ORGANIZZATIVA: HealthGroup.ORGANISATIONAL,
  RELAZIONI: HealthGroup.RELATIONS,
};
export const KPI_UNITS: Record<string, KpiUnit> = {
  PERCENTUALE: KpiUnit.PERCENT,
  GIORNI: KpiUnit.DAYS,
  NUMERO: KpiUnit.COUNT,
  EURO: KpiUnit.EUR,
  RAPPORTO: KpiUnit.RATIO,
  FASI: KpiUnit.MILESTONE,
};
export const DIRECTIONS: Record<string, KpiDirection> = {
  CRESCENTE: KpiDirection.HIGHER_IS_BETTER,
  DECRESCENTE: KpiDirection.LOWER_IS_BETTER,
  INTERVALLO: KpiDirection.RANGE,
  FASI: KpiDirection.MILESTONE,
};
export const FREQUENCIES: Record<string, KpiFrequency> = {
  MENSILE: KpiFrequency.MONTHLY,
  TRIMESTRALE: KpiFrequency.QUARTERLY,
  ANNUALE: KpiFrequency.YEARLY,
};
export const SCORING_RULES: Record<string, ScoringRule> = { LINEARE: ScoringRule.LINEAR, FASCE: ScoringRule.BANDS };
/** The source of a KPI measured by hand; any other is the key of the job that feeds it. */
export const MANUAL_SOURCE = "MANUALE";

const labels = (choices: Record<string, unknown>) => Object.keys(choices).join(", ");

export const ENTE: SheetSpec<"adminCode" | "adminName" | "planCode" | "planTitle" | "firstYear" | "lastYear"> = {
  name: "Ente",
  file: "ente.csv",
  help: "L'ente e il suo piano, in una riga. Obbligatorio in un database vuoto; altrimenti facoltativo, e se c'è deve dire il piano già caricato.",
  columns: {
    adminCode: col("codice ente", true, "Codice dell'ente (ad esempio il codice ISTAT)."),
    adminName: col("nome ente", true, "Nome dell'ente, ad esempio Comune di Milano."),
    planCode: col("codice piano", true, "Codice del piano, ad esempio PDO-2019-2021."),
    planTitle: col("titolo piano", true, "Titolo del Piano degli Obiettivi."),
    firstYear: col("primo anno", true, "Primo anno del piano, ad esempio 2019."),
    lastYear: col("ultimo anno", true, "Ultimo anno del piano, ad esempio 2021."),
  },
};

export const UNITS: SheetSpec<"code" | "name" | "kind" | "parent" | "validFrom" | "validTo" | "head"> = {
  name: "Unità",
  file: "unita.csv",
  help: "Le unità organizzative. Facoltativo: serve per le unità nuove; un'unità già caricata deve avere lo stesso nome e tipo.",
  columns: {
    code: col("codice unità", true, "Codice breve e stabile dell'unità, ad esempio EDU."),
    name: col("nome", true, "Nome dell'unità, ad esempio Direzione Educazione."),
    kind: col("tipo", true, `Uno di: ${labels(UNIT_KINDS)}.`),
    parent: col("unità superiore", false, "Codice dell'unità da cui dipende (vuoto se nessuna)."),
    validFrom: col("valida dal", false, "Data di istituzione (gg/mm/aaaa); vuoto se esiste da prima del piano."),
    validTo: col("valida al", false, "Data di chiusura (gg/mm/aaaa); vuoto se è in vigore."),
    head: col("direttore", false, "Nome e cognome di chi la dirige."),
  },
};

export const OBJECTIVES: SheetSpec<
  "key" | "level" | "owner" | "title" | "years" | "collaborators" | "parent" | "heading" | "healthGroup"
> = {
  name: "Obiettivi",
  file: "obiettivi.csv",
  help: "Gli obiettivi del piano. Un obiettivo nuovo è creato dall'atto indicato all'importazione; uno già nel piano deve restare com'è (per cambiarlo serve un atto: trasferimento, nuovo titolo). Facoltativo se gli obiettivi sono già nel piano.",
  columns: {
    key: col("codice obiettivo", true, "Codice stabile, ad esempio DIR-EDU-2019-3."),
    level: col("livello", true, `Uno di: ${labels(LEVELS)}.`),
    owner: col("unità responsabile", false, "Codice della direzione titolare (obbligatorio per DIREZIONE)."),
    title: col("titolo", true, "Titolo dell'obiettivo come nel piano."),
    years: col("anni", true, "Gli anni a cui si applica, ad esempio 2019, 2020 oppure 2019-2021."),
    collaborators: col("collaboratori", false, "Codici delle unità che collaborano, separati da virgole."),
    parent: col("obiettivo padre", false, "Codice dell'obiettivo che serve (ad esempio un Solidale)."),
    heading: col("ambito", false, "Pilastro, tema o sottotitolo sotto cui il piano lo elenca."),
    healthGroup: col("gruppo salute", false, `Per gli indicatori di SALUTE: ${labels(HEALTH_GROUPS)}.`),
  },
};

export const KPIS: SheetSpec<
  "objectiveKey" | "code" | "name" | "unit" | "direction" | "weight" | "frequency" | "source" | "scoring"
> = {
  name: "Indicatori",
  file: "indicatori.csv",
  help: "Gli indicatori di ogni obiettivo, una riga ciascuno, con i target di ogni anno del piano nelle colonne di quell'anno. I pesi degli indicatori di un obiettivo sommano a 100 (un indicatore solo informativo ha peso 0). Un target lasciato vuoto non cambia quello in vigore.",
  columns: {
    objectiveKey: col("codice obiettivo", true, "Codice dell'obiettivo (nel piano o nel foglio Obiettivi)."),
    code: col(
      "codice indicatore",
      true,
      "Codice stabile dell'indicatore, unico nel piano, ad esempio DIR-EDU-2019-3-K1.",
    ),
    name: col("indicatore", true, "Che cosa misura, in parole."),
    unit: col("unità di misura", true, `Uno di: ${labels(KPI_UNITS)}.`),
    direction: col(
      "verso",
      true,
      `Uno di: ${labels(DIRECTIONS)}. CRESCENTE: meglio se sale; DECRESCENTE: meglio se scende; INTERVALLO: meglio se sta tra minimo e massimo; FASI: si misura dalle fasi del cronoprogramma (con unità di misura FASI).`,
    ),
    weight: col(
      "peso",
      true,
      "Peso nell'obiettivo, in per cento (ad esempio 40); i pesi di un obiettivo sommano a 100.",
    ),
    frequency: col("frequenza", false, `Uno di: ${labels(FREQUENCIES)} (vuoto: ANNUALE).`),
    source: col(
      "fonte",
      false,
      `${MANUAL_SOURCE} (o vuoto) se il valore si inserisce a mano, altrimenti il job che lo calcola (ad esempio payment-timeliness).`,
    ),
    scoring: col("metodo", false, `Uno di: ${labels(SCORING_RULES)} (vuoto: LINEARE).`),
  },
};

/** The columns of one plan year's target on the Indicatori sheet. */
export const TARGET_COLUMNS = {
  value: {
    header: (year: number) => `target ${year}`,
    help: 'Il target dell\'anno: un numero (70), oppure "> 70" se va superato, "< 5" se va tenuto sotto. Vuoto per INTERVALLO e FASI.',
  },
  bound: {
    header: (year: number) => `soglia ${year}`,
    help: "CRESCENTE: la soglia sotto il target da cui parte il punteggio parziale (vuoto: 0). DECRESCENTE: il tetto sopra il target oltre cui il punteggio è 0 (obbligatorio).",
  },
  low: { header: (year: number) => `minimo ${year}`, help: "INTERVALLO: il minimo dell'intervallo che vale il 100%." },
  high: {
    header: (year: number) => `massimo ${year}`,
    help: "INTERVALLO: il massimo dell'intervallo che vale il 100%.",
  },
  tolerance: {
    header: (year: number) => `tolleranza ${year}`,
    help: "INTERVALLO: quanto fuori dall'intervallo il punteggio scende a 0 (ad esempio 10).",
  },
  description: {
    header: (year: number) => `descrizione target ${year}`,
    help: "Il target in parole, come nella scheda (facoltativo: altrimenti si scrive dai numeri).",
  },
} as const;

export type TargetField = keyof typeof TARGET_COLUMNS;

export const PHASES: SheetSpec<"objectiveKey" | "code" | "name" | "plannedDate" | "weight"> = {
  name: "Fasi",
  file: "fasi.csv",
  help: "Il cronoprogramma: le fasi di ogni obiettivo, con data prevista e peso. Il foglio dà tutto il cronoprogramma degli obiettivi che nomina: una fase in vigore che non vi compare è tolta. I pesi delle fasi di un obiettivo sommano a 100.",
  columns: {
    objectiveKey: col("codice obiettivo", true, "Codice dell'obiettivo."),
    code: col("codice fase", true, "Codice stabile della fase, unico nel piano, ad esempio DIR-EDU-2019-3-F1."),
    name: col("fase", true, "La fase, in parole."),
    plannedDate: col("data prevista", true, "Entro quando va completata (gg/mm/aaaa, o una data di Excel)."),
    weight: col(
      "peso",
      true,
      "Peso della fase nel cronoprogramma, in per cento; i pesi di un obiettivo sommano a 100.",
    ),
  },
};

/** The sheets in the order the template lists them (and the import reads them). */
export const SHEETS: readonly SheetSpec[] = [ENTE, UNITS, OBJECTIVES, KPIS, PHASES];

/** A column header that is not the template's but may stay: the office's own notes. */
export const isNoteHeader = (header: string) => /^note\b/i.test(header.trim());
