import { ObjectiveLevel } from "../../entities/enums";
import { seededRandom } from "./random";

/**
 * GENERATED, NOT REAL DATA: schede (KPIs, targets, phases) for every objective of a plan that has
 * none, in the planning office's template (the Italian CSV dialect the import reads), so that a
 * demo can score the whole plan. Objectives that already have KPIs keep them; only what the plan
 * leaves to the schede is generated.
 */

export interface ObjectiveToDetail {
  key: string;
  level: ObjectiveLevel;
  years: number[];
  /** Whether it has KPIs already, and whether one of them is measured by its phases. */
  hasKpis: boolean;
  hasMilestone: boolean;
}

export interface GeneratedSchede {
  /** `indicatori.csv`: one row per KPI, with its targets for each plan year. */
  indicators: string;
  /** `fasi.csv`: one row per phase. */
  phases: string;
  /** Codes of the phases generated, by objective key. */
  phaseCodes: Map<string, string[]>;
  /** The objectives' hand-entered KPIs generated, with the target of each year. */
  manualKpis: Map<
    string,
    Array<{ code: string; direction: "CRESCENTE" | "DECRESCENTE" | "INTERVALLO"; targets: Map<number, number> }>
  >;
}

const date = (year: number, month: number, day: number) =>
  `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;

/** The phases of a year: planning by March, the work by June, delivery by November (30/30/40). */
const PHASES = [
  { name: "Pianificazione e avvio", month: 3, day: 31, weight: 30 },
  { name: "Realizzazione", month: 6, day: 30, weight: 30 },
  { name: "Conclusione e verifica dei risultati", month: 11, day: 30, weight: 40 },
];

/**
 * Schede for the years given: an objective with no KPI gets a measured KPI (60%) and its
 * cronoprogramma (40%), the kinds of measure varying across the plan; one with a KPI measured by
 * its phases gets the phases. `planYears` are the plan's years, for the template's columns.
 */
export function generatePlanSchede(
  objectives: readonly ObjectiveToDetail[],
  years: readonly number[],
  planYears: readonly number[],
  seed = 2264,
): GeneratedSchede {
  const random = seededRandom(seed);
  const yearColumns = planYears.flatMap((y) => [
    `target ${y}`,
    `soglia ${y}`,
    `minimo ${y}`,
    `massimo ${y}`,
    `tolleranza ${y}`,
  ]);
  const indicators = [
    [
      "codice obiettivo",
      "codice indicatore",
      "indicatore",
      "unità di misura",
      "verso",
      "peso",
      "frequenza",
      "fonte",
      "metodo",
      ...yearColumns,
    ].join(";"),
  ];
  const phases = [["codice obiettivo", "codice fase", "fase", "data prevista", "peso"].join(";")];
  const phaseCodes = new Map<string, string[]>();
  const manualKpis: GeneratedSchede["manualKpis"] = new Map();
  const cells = (values: Map<number, string[]>) => planYears.flatMap((y) => values.get(y) ?? ["", "", "", "", ""]);

  objectives.forEach((objective, i) => {
    const generated = !objective.hasKpis && objective.level === ObjectiveLevel.DIREZIONE;
    if (generated || objective.hasMilestone) {
      const codes: string[] = [];
      // An objective's phases weigh 100 in all: those of each year share it.
      const phaseYears = objective.years.filter((y) => years.includes(y));
      for (const year of phaseYears) {
        PHASES.forEach((phase, n) => {
          const code = `${objective.key}-F${year}-${n + 1}`;
          const weight = String(Math.round((phase.weight / phaseYears.length) * 100) / 100).replace(".", ",");
          codes.push(code);
          phases.push([objective.key, code, phase.name, date(year, phase.month, phase.day), weight].join(";"));
        });
      }
      phaseCodes.set(objective.key, codes);
    }
    if (!generated) return;
    const kind = i % 7 === 3 ? "INTERVALLO" : i % 5 === 2 ? "DECRESCENTE" : "CRESCENTE";
    const code = `${objective.key}-K1`;
    const targets = new Map<number, number>();
    const values = new Map<number, string[]>();
    for (const year of objective.years) {
      if (kind === "CRESCENTE") {
        const target = 70 + Math.round(random() * 6) * 5;
        targets.set(year, target);
        values.set(year, [String(target), String(target - 30), "", "", ""]);
      } else if (kind === "DECRESCENTE") {
        const target = 20 + Math.round(random() * 4) * 5;
        targets.set(year, target);
        values.set(year, [String(target), String(target * 2), "", "", ""]);
      } else {
        targets.set(year, 95);
        values.set(year, ["", "", "90", "100", "10"]);
      }
    }
    const [name, unit] =
      kind === "DECRESCENTE"
        ? ["Tempo medio di conclusione dei procedimenti (giorni)", "GIORNI"]
        : kind === "INTERVALLO"
          ? ["Grado di copertura del servizio programmato (%)", "PERCENTUALE"]
          : ["Grado di realizzazione delle attività programmate (%)", "PERCENTUALE"];
    indicators.push(
      [objective.key, code, name, unit, kind, "60", "ANNUALE", "MANUALE", "LINEARE", ...cells(values)].join(";"),
    );
    indicators.push(
      [
        objective.key,
        `${objective.key}-K2`,
        "Rispetto del cronoprogramma",
        "FASI",
        "FASI",
        "40",
        "ANNUALE",
        "MANUALE",
        "LINEARE",
        ...cells(new Map()),
      ].join(";"),
    );
    manualKpis.set(objective.key, [{ code, direction: kind, targets }]);
  });
  return { indicators: `${indicators.join("\n")}\n`, phases: `${phases.join("\n")}\n`, phaseCodes, manualKpis };
}
