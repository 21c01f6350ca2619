import { ENTE, KPIS, OBJECTIVES, PHASES, UNITS } from "../plan-import/sheets/template";
import { WorkbookContent } from "../plan-import/sheets/write-workbook";

/**
 * GENERATED, NOT REAL DATA: the Comune di Esempio, a small administration of our own making, in the
 * template's workbook (data/generated/comune-esempio.xlsx), to show that another administration
 * loads its own plan into an empty database and is scored. Six units, ten objectives on every
 * level, KPIs of every direction: a range "between 90 and 100, partial credit down to 10
 * outside", a strict "> 70", KPIs measured from the phases of a cronoprogramma.
 */
export const ESEMPIO_YEARS = [2020, 2021, 2022];

/** A year's target columns, by the name before the year ("target", "soglia", ...). */
type Target = Partial<Record<"target" | "soglia" | "minimo" | "massimo" | "tolleranza", string | number>>;

function kpi(
  objective: string,
  suffix: string,
  name: string,
  [unit, verso]: [string, string],
  peso: number,
  targets: Record<number, Target> = {},
  extra: { fonte?: string; metodo?: string; frequenza?: string } = {},
) {
  const k = KPIS.columns;
  return {
    [k.objectiveKey.header]: objective,
    [k.code.header]: `${objective}-${suffix}`,
    [k.name.header]: name,
    [k.unit.header]: unit,
    [k.direction.header]: verso,
    [k.weight.header]: peso,
    [k.frequency.header]: extra.frequenza ?? "ANNUALE",
    [k.source.header]: extra.fonte ?? "MANUALE",
    [k.scoring.header]: extra.metodo ?? "LINEARE",
    ...Object.fromEntries(
      Object.entries(targets).flatMap(([year, t]) =>
        Object.entries(t).map(([column, value]) => [`${column} ${year}`, value]),
      ),
    ),
  };
}

const objective = (key: string, level: string, title: string, fields: Partial<Record<string, string>> = {}) => {
  const o = OBJECTIVES.columns;
  return {
    [o.key.header]: key,
    [o.level.header]: level,
    [o.title.header]: title,
    [o.years.header]: fields.years ?? "2020-2022",
    [o.owner.header]: fields.owner ?? null,
    [o.collaborators.header]: fields.collaborators ?? null,
    [o.parent.header]: fields.parent ?? null,
    [o.heading.header]: fields.heading ?? null,
    [o.healthGroup.header]: fields.group ?? null,
  };
};

const phase = (objectiveKey: string, n: number, name: string, day: string, peso: number) => {
  const p = PHASES.columns;
  const [d, m, y] = day.split("/").map(Number);
  return {
    [p.objectiveKey.header]: objectiveKey,
    [p.code.header]: `${objectiveKey}-F${n}`,
    [p.name.header]: name,
    [p.plannedDate.header]: n % 2 ? day : new Date(Date.UTC(y, m - 1, d)),
    [p.weight.header]: peso,
  };
};

const unit = (code: string, name: string, tipo: string, head: string, parent: string | null = null) => {
  const u = UNITS.columns;
  return {
    [u.code.header]: code,
    [u.name.header]: name,
    [u.kind.header]: tipo,
    [u.head.header]: head,
    [u.parent.header]: parent,
  };
};

const PERCENT_UP: [string, string] = ["PERCENTUALE", "CRESCENTE"];
const PHASES_KPI: [string, string] = ["FASI", "FASI"];

export function comuneEsempioContent(): WorkbookContent {
  const e = ENTE.columns;
  return {
    years: ESEMPIO_YEARS,
    introduction: [
      "GENERATED, NOT REAL DATA: dati inventati per mostrare come un altro ente carica il suo piano in Traguardo.",
      "Comune di Esempio (GENERATED), Piano degli Obiettivi 2020-2022: caricatelo in un database vuoto con",
      'npm run import:plan -- data/generated/comune-esempio.xlsx --act DG_DETERMINATION:100:2020-02-14 --subject "Approvazione delle schede 2020-2022 (GENERATED)"',
    ],
    rows: {
      [ENTE.name]: [
        {
          [e.adminCode.header]: "GEN-ESEMPIO",
          [e.adminName.header]: "Comune di Esempio (GENERATED)",
          [e.planCode.header]: "ESEMPIO-PDO-2020-2022",
          [e.planTitle.header]: "Piano degli Obiettivi 2020-2022 (GENERATED)",
          [e.firstYear.header]: 2020,
          [e.lastYear.header]: 2022,
        },
      ],
      [UNITS.name]: [
        unit("DG", "Direzione Generale", "DIREZIONE", "Giulia Ferri"),
        unit("SEG", "Segreteria Generale", "SEGRETERIA", "Paolo Conti"),
        unit("FIN", "Direzione Bilancio e Tributi", "DIREZIONE", "Marta Galli", "DG"),
        unit("SOC", "Direzione Servizi Sociali", "DIREZIONE", "Luca Bruno", "DG"),
        unit("TEC", "Direzione Lavori Pubblici", "DIREZIONE SPECIALISTICA", "Sara Moretti", "DG"),
        unit("TEC-MAN", "Area Manutenzioni", "AREA", "Davide Riva", "TEC"),
      ],
      [OBJECTIVES.name]: [
        objective("SOL-COESIONE", "SOLIDALE", "Esempio più solidale: presa in carico dei nuclei fragili", {
          heading: "Esempio più solidale",
        }),
        objective("SOL-QUARTIERI", "SOLIDALE", "Piano quartieri: i cantieri del cronoprogramma", {
          heading: "Esempio più bella",
        }),
        objective("GES-TRASPARENZA", "GESTIONALE", "Trasparenza e prevenzione della corruzione", {
          heading: "Qualità dell'azione amministrativa",
        }),
        objective("SAL-TEMPESTIVITA", "SALUTE", "Tempestività dei pagamenti", { group: "FINANZIARIA" }),
        objective("SAL-PRESENZE", "SALUTE", "Presenza in servizio del personale", { group: "ORGANIZZATIVA" }),
        objective("POR-INFANZIA", "PORTAFOGLIO", "Servizi per la prima infanzia"),
        objective("DIR-FIN-2020-1", "DIREZIONE", "Recupero dell'evasione dei tributi locali", {
          owner: "FIN",
          years: "2020",
        }),
        objective("DIR-SOC-2020-1", "DIREZIONE", "Nuovo regolamento per l'accesso agevolato ai servizi sociali", {
          owner: "SOC",
          years: "2020",
          collaborators: "FIN",
          parent: "SOL-COESIONE",
        }),
        objective("DIR-TEC-2020-1", "DIREZIONE", "Manutenzione straordinaria degli edifici scolastici", {
          owner: "TEC",
          years: "2020",
          parent: "SOL-QUARTIERI",
          heading: "AMBITO INFRASTRUTTURE",
        }),
        objective("DIR-SEG-2020-1", "DIREZIONE", "Digitalizzazione degli atti deliberativi", {
          owner: "SEG",
          years: "2020, 2021",
        }),
      ],
      [KPIS.name]: [
        kpi("SOL-COESIONE", "K1", "Nuclei fragili presi in carico entro 30 giorni", PERCENT_UP, 100, {
          2020: { target: "> 70", soglia: 50 },
          2021: { target: "> 75", soglia: 50 },
          2022: { target: "> 80", soglia: 50 },
        }),
        kpi("SOL-QUARTIERI", "K1", "Avanzamento del cronoprogramma dei cantieri", PHASES_KPI, 100),
        kpi("GES-TRASPARENZA", "K1", "Obblighi di pubblicazione assolti", PERCENT_UP, 100, {
          2020: { target: 100, soglia: 80 },
          2021: { target: 100, soglia: 80 },
        }),
        kpi(
          "SAL-TEMPESTIVITA",
          "ITP",
          "Indicatore di tempestività dei pagamenti (giorni)",
          ["GIORNI", "DECRESCENTE"],
          100,
          {
            2020: { target: 0, soglia: 30 },
            2021: { target: 0, soglia: 20 },
            2022: { target: -5, soglia: 15 },
          },
          { fonte: "payment-timeliness", frequenza: "TRIMESTRALE" },
        ),
        kpi(
          "SAL-TEMPESTIVITA",
          "FATTURE",
          "Fatture commerciali pagate",
          ["NUMERO", "CRESCENTE"],
          0,
          {},
          {
            fonte: "payment-timeliness",
            frequenza: "TRIMESTRALE",
          },
        ),
        kpi("SAL-PRESENZE", "K1", "Tasso di presenza in servizio", ["PERCENTUALE", "INTERVALLO"], 100, {
          2020: { minimo: 90, massimo: 100, tolleranza: 10 },
          2021: { minimo: 90, massimo: 100, tolleranza: 10 },
          2022: { minimo: 90, massimo: 100, tolleranza: 10 },
        }),
        kpi("POR-INFANZIA", "COSTO", "Costo medio annuo per bambino al nido", ["EURO", "DECRESCENTE"], 50, {
          2020: { target: 9000, soglia: 12000 },
        }),
        kpi(
          "POR-INFANZIA",
          "POSTI",
          "Posti nido offerti",
          ["NUMERO", "CRESCENTE"],
          50,
          { 2020: { target: 500 } },
          { metodo: "FASCE" },
        ),
        kpi("DIR-FIN-2020-1", "K1", "Imposte evase recuperate", ["EURO", "CRESCENTE"], 100, {
          2020: { target: "2.000.000,00", soglia: 1000000 },
        }),
        kpi("DIR-SOC-2020-1", "K1", "Fasi del regolamento completate", PHASES_KPI, 100),
        kpi("DIR-TEC-2020-1", "K1", "Interventi conclusi sugli interventi programmati", ["RAPPORTO", "CRESCENTE"], 60, {
          2020: { target: "0,8", soglia: "0,4" },
        }),
        kpi("DIR-TEC-2020-1", "K2", "Cronoprogramma dei cantieri scolastici", PHASES_KPI, 40),
        kpi("DIR-SEG-2020-1", "K1", "Atti firmati digitalmente", PERCENT_UP, 100, {
          2020: { target: 90, soglia: 50 },
          2021: { target: 100, soglia: 60 },
        }),
      ],
      [PHASES.name]: [
        phase("SOL-QUARTIERI", 1, "Aggiudicazione dei lavori del primo lotto", "30/06/2020", 25),
        phase("SOL-QUARTIERI", 2, "Fine lavori del primo lotto", "31/12/2020", 25),
        phase("SOL-QUARTIERI", 3, "Fine lavori del secondo lotto", "31/12/2021", 25),
        phase("SOL-QUARTIERI", 4, "Collaudo di tutti i lotti", "30/09/2022", 25),
        phase("DIR-SOC-2020-1", 1, "Bozza del regolamento", "31/03/2020", 20),
        phase("DIR-SOC-2020-1", 2, "Parere delle commissioni", "30/06/2020", 30),
        phase("DIR-SOC-2020-1", 3, "Approvazione in Consiglio", "30/11/2020", 50),
        phase("DIR-TEC-2020-1", 1, "Progetti esecutivi", "30/04/2020", 50),
        phase("DIR-TEC-2020-1", 2, "Fine lavori", "31/10/2020", 50),
      ],
    },
  };
}
