import { readPlanData } from "../plan-data/read-plan-data";
import { ENTE, KPIS, OBJECTIVES, PHASES, UNITS } from "./sheets/template";
import { WorkbookContent } from "./sheets/write-workbook";

/** The worked example: an Obiettivo di Direzione of Milan's plan, with the unit and the plan it belongs to. */
const EXAMPLE_OBJECTIVE = "DIR-EDU-2019-9";

/**
 * The template the planning office fills in (data/templates/schede-modello.xlsx): every sheet with
 * one worked example row, taken from Milan's plan so that the example imports as it stands.
 */
export function templateContent(): WorkbookContent {
  const data = readPlanData();
  const objective = data.objectives.find((o) => o.key === EXAMPLE_OBJECTIVE)!;
  const unit = data.units.find((u) => u.code === objective.owner)!;
  const { firstYear, lastYear } = data.plan;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const e = ENTE.columns;
  const u = UNITS.columns;
  const o = OBJECTIVES.columns;
  const k = KPIS.columns;
  const p = PHASES.columns;
  return {
    years,
    introduction: [
      "Modello delle schede del Piano degli Obiettivi per Traguardo (npm run import:plan -- file.xlsx --act ...).",
      "Un foglio per tipo di elemento; ogni foglio ha l'intestazione nella prima riga e un esempio svolto, da sostituire.",
      "I fogli che non servono si tolgono. I numeri con la virgola (0,5), le date gg/mm/aaaa, i pesi in per cento.",
      "Tutto o niente: se una riga è sbagliata non si importa nulla, e ogni problema è indicato con foglio, riga e colonna.",
    ],
    rows: {
      [ENTE.name]: [
        {
          [e.adminCode.header]: data.administration.code,
          [e.adminName.header]: data.administration.name,
          [e.planCode.header]: data.plan.code,
          [e.planTitle.header]: data.plan.title,
          [e.firstYear.header]: firstYear,
          [e.lastYear.header]: lastYear,
        },
      ],
      [UNITS.name]: [
        {
          [u.code.header]: unit.code,
          [u.name.header]: unit.name,
          [u.kind.header]: "DIREZIONE",
          [u.head.header]: unit.head?.name ?? null,
        },
      ],
      [OBJECTIVES.name]: [
        {
          [o.key.header]: objective.key,
          [o.level.header]: "DIREZIONE",
          [o.owner.header]: unit.code,
          [o.title.header]: objective.title,
          [o.years.header]: objective.years.join(", "),
        },
      ],
      [KPIS.name]: [
        {
          [k.objectiveKey.header]: objective.key,
          [k.code.header]: `${objective.key}-K1`,
          [k.name.header]: "Scuole aperte al territorio entrate nella rete",
          [k.unit.header]: "NUMERO",
          [k.direction.header]: "CRESCENTE",
          [k.weight.header]: 100,
          [k.frequency.header]: "ANNUALE",
          [k.source.header]: "MANUALE",
          [k.scoring.header]: "LINEARE",
          [`target ${firstYear}`]: 30,
          [`soglia ${firstYear}`]: 10,
          [`descrizione target ${firstYear}`]: "30 scuole aperte in rete entro l'anno; punteggio parziale da 10",
        },
      ],
      [PHASES.name]: [
        {
          [p.objectiveKey.header]: objective.key,
          [p.code.header]: `${objective.key}-F1`,
          [p.name.header]: "Accordi di rete firmati con i Municipi",
          [p.plannedDate.header]: new Date(Date.UTC(firstYear, 10, 30)),
          [p.weight.header]: 100,
        },
      ],
    },
  };
}
