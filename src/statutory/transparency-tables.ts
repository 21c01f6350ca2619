import { TransparencyObligation } from "../../entities/enums";
import { LabelledFigure } from "./figure-labels";
import { PublicationDue } from "./publications";

/**
 * The year's tables as the Amministrazione Trasparente section shows them ("Pagamenti
 * dell'amministrazione"): the payment timeliness indicator by quarter and year, the debts and
 * creditor firms, the L. 145/2018 figures. Cells are as published (Italian decimals, "n.d." where a
 * figure is missing); `values` keeps each cell's full-precision value for a spreadsheet. Pure.
 */
export interface TransparencyTable {
  /** File and sheet name, e.g. tempestivita-pagamenti-2019. */
  name: string;
  title: string;
  headers: string[];
  rows: string[][];
  /** Per row, per cell: the decimal behind a figure, null for text. */
  values: Array<Array<string | null>>;
}

const QUARTER_NAMES = ["I trimestre", "II trimestre", "III trimestre", "IV trimestre"];
const italianDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function cellsOf(due: PublicationDue, codes: string[]): { cells: string[]; values: Array<string | null> } {
  const figures = codes.map((code) => due.figures.find((f) => f.code === code) as LabelledFigure);
  return { cells: figures.map((f) => f.display), values: figures.map((f) => f.value) };
}

export function transparencyTables(year: number, calendar: PublicationDue[]): TransparencyTable[] {
  const itp = calendar.filter((d) => d.obligation !== TransparencyObligation.L145_ANNUAL);
  const itpRows = itp.map((due) => {
    const quarter = /-Q(\d)$/.exec(due.period);
    const { cells, values } = cellsOf(due, ["ITP", "IMPORTO_PAGATO", "FATTURE_PAGATE"]);
    return {
      cells: [
        String(year),
        quarter ? QUARTER_NAMES[Number(quarter[1]) - 1] : "Annuale",
        ...cells,
        italianDate(due.dueDate),
      ],
      values: [null, null, ...values, null],
    };
  });
  const annual = calendar.find((d) => d.obligation === TransparencyObligation.ITP_ANNUAL)!;
  const debts = cellsOf(annual, ["DEBITI", "IMPRESE_CREDITRICI"]);
  const l145 = calendar.find((d) => d.obligation === TransparencyObligation.L145_ANNUAL)!;
  return [
    {
      name: `tempestivita-pagamenti-${year}`,
      title: `Indicatore di tempestività dei pagamenti ${year}`,
      headers: [
        "Anno",
        "Periodo",
        "Indicatore di tempestività dei pagamenti (giorni)",
        "Importo dei pagamenti (euro)",
        "Numero delle fatture pagate",
        "Termine di pubblicazione",
      ],
      rows: itpRows.map((r) => r.cells),
      values: itpRows.map((r) => r.values),
    },
    {
      name: `debiti-imprese-creditrici-${year}`,
      title: `Ammontare complessivo dei debiti e numero delle imprese creditrici ${year}`,
      headers: [
        "Anno",
        "Data di riferimento",
        "Ammontare complessivo dei debiti scaduti e non pagati (euro)",
        "Numero delle imprese creditrici",
      ],
      rows: [[String(year), `31/12/${year}`, ...debts.cells]],
      values: [[null, null, ...debts.values]],
    },
    {
      name: `indicatori-l145-${year}`,
      title: `Indicatori della L. 145/2018, anno ${year}`,
      headers: ["Voce", "Valore"],
      rows: l145.figures.map((f) => [f.label, f.display]),
      values: l145.figures.map((f) => [null, /^-?\d/.test(f.value ?? "") ? f.value : null]),
    },
  ];
}
