/**
 * A whole plan's schede at a benchmark's scale, GENERATED (not real data), in the template's
 * workbook: 400 × scale Obiettivi di Direzione of 2019-2021 over 26 directorates, each with 4 KPIs
 * (rising, falling, a range, and one scored from phases) with targets for the 3 years, and 3 phases.
 */
import { ENTE, KPIS, OBJECTIVES, PHASES, UNITS } from "../plan-import/sheets/template";
import { WorkbookContent } from "../plan-import/sheets/write-workbook";
import { seededRandom } from "../simulate/random";

const YEARS = [2019, 2020, 2021];
const DIRECTORATES = 26;

export function benchPlanContent(scale: number): WorkbookContent {
  const random = seededRandom(2264 + scale);
  const units = Array.from({ length: DIRECTORATES }, (_, i) => `GEN-D${i + 1}`);
  const objectives = Array.from({ length: Math.round(400 * scale) }, (_, i) => `GEN-OBJ-${i + 1}`);
  const o = OBJECTIVES.columns;
  const k = KPIS.columns;
  const p = PHASES.columns;
  const perYear = (target: (year: number) => Record<string, number>) =>
    Object.fromEntries(
      YEARS.flatMap((year) => Object.entries(target(year)).map(([column, value]) => [`${column} ${year}`, value])),
    );
  const kpi = (key: string, n: number, unit: string, verso: string, peso: number) => ({
    [k.objectiveKey.header]: key,
    [k.code.header]: `${key}-K${n}`,
    [k.name.header]: `GENERATED indicatore ${n} di ${key}`,
    [k.unit.header]: unit,
    [k.direction.header]: verso,
    [k.weight.header]: peso,
  });
  return {
    years: YEARS,
    introduction: ["GENERATED, NOT REAL DATA: il piano di un benchmark (npm run bench:import)."],
    rows: {
      [ENTE.name]: [
        {
          [ENTE.columns.adminCode.header]: "GEN-BENCH",
          [ENTE.columns.adminName.header]: "Comune del benchmark (GENERATED)",
          [ENTE.columns.planCode.header]: "BENCH-PDO-2019-2021",
          [ENTE.columns.planTitle.header]: "Piano degli Obiettivi 2019-2021 (GENERATED)",
          [ENTE.columns.firstYear.header]: 2019,
          [ENTE.columns.lastYear.header]: 2021,
        },
      ],
      [UNITS.name]: units.map((code, i) => ({
        [UNITS.columns.code.header]: code,
        [UNITS.columns.name.header]: `Direzione generata ${i + 1}`,
        [UNITS.columns.kind.header]: "DIREZIONE",
      })),
      [OBJECTIVES.name]: objectives.map((key, i) => ({
        [o.key.header]: key,
        [o.level.header]: "DIREZIONE",
        [o.owner.header]: units[i % DIRECTORATES],
        [o.title.header]: `GENERATED obiettivo ${i + 1}`,
        [o.years.header]: "2019-2021",
      })),
      [KPIS.name]: objectives.flatMap((key) => {
        const level = 60 + Math.round(random() * 30);
        return [
          {
            ...kpi(key, 1, "PERCENTUALE", "CRESCENTE", 30),
            ...perYear((y) => ({ target: level + y - 2019, soglia: 40 })),
          },
          {
            ...kpi(key, 2, "GIORNI", "DECRESCENTE", 30),
            ...perYear((y) => ({ target: 30 - (y - 2019) * 5, soglia: 60 })),
          },
          {
            ...kpi(key, 3, "PERCENTUALE", "INTERVALLO", 20),
            ...perYear(() => ({ minimo: 90, massimo: 100, tolleranza: 10 })),
          },
          kpi(key, 4, "FASI", "FASI", 20),
        ];
      }),
      [PHASES.name]: objectives.flatMap((key) =>
        ["31/03/2019", "30/09/2019", "30/06/2020"].map((day, n) => ({
          [p.objectiveKey.header]: key,
          [p.code.header]: `${key}-F${n + 1}`,
          [p.name.header]: `GENERATED fase ${n + 1}`,
          [p.plannedDate.header]: day,
          [p.weight.header]: n === 2 ? 34 : 33,
        })),
      ),
    },
  };
}
