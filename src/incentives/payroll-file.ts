import { StaffCategory } from "../../entities/enums";
import { canonicalDecimal } from "../../entities/columns";
import { italianCsv } from "../csv/write-italian-csv";
import { EligibilityRow, YearEligibility } from "./cycle-eligibility";
import { TIE_RULE } from "./differentiation";
import { eurosOf, micro } from "./fund";
import { inItalian } from "./reasons";

/** What the file needs of a row: its figures, not the inputs they came from. */
export type PayrollRow = Omit<EligibilityRow, "inputs">;
export type PayrollYear = Omit<YearEligibility, "rows"> & { rows: readonly PayrollRow[] };

const COLUMNS = [
  "matricola",
  "nome",
  "categoria",
  "anno",
  "stato",
  "motivo",
  "solidali_raggiunti",
  "punteggio_unita",
  "punteggio_individuale",
  "punteggio_complessivo",
  "quota_erogabile",
  "maggiorazione_art69",
  "graduatoria_art69",
  "criterio_parita_art69",
  "giorni",
  "importo_euro",
  "atto_fondo",
  "versione_regole",
];

const CATEGORY: Record<StaffCategory, string> = {
  [StaffCategory.MANAGER]: "DIRIGENTE",
  [StaffCategory.PO]: "PO",
  [StaffCategory.STAFF]: "DIPENDENTE",
};

/** The millionths the fund is split by (as frozen), then the Italian decimal comma. */
const number = (value: number | null) =>
  value === null ? "" : canonicalDecimal((micro(value) / 1e6).toFixed(6)).replace(".", ",");

function cells(year: PayrollYear, r: PayrollRow): string[] {
  return [
    r.employee.code,
    r.employee.name,
    CATEGORY[r.category],
    String(year.year),
    r.status === "COMPLETE" ? "COMPLETO" : "INCOMPLETO",
    r.reasons.map(inItalian).join("; "),
    r.gateOpen === null ? "NON GIUDICATO" : r.gateOpen ? "SI" : "NO",
    number(r.unitScore),
    number(r.individualScore),
    number(r.composite),
    number(r.payableShare),
    number(r.maggiorazione),
    r.art69Rank === null ? "" : String(r.art69Rank),
    // Stated where it chose someone: the rows of those who get the maggiorazione.
    (r.maggiorazione ?? 0) > 0 ? TIE_RULE : "",
    number(r.days),
    r.amountCents === null ? "" : eurosOf(r.amountCents).replace(".", ","),
    year.rules.funds?.[r.category]?.actKey ?? "",
    String(year.ruleSetVersion),
  ];
}

/**
 * The payroll file of a year: `;`-separated, decimal commas, UTF-8 with a byte-order mark and CRLF
 * lines, Italian headers and values, as a spreadsheet in Italian locale opens it. `quota_erogabile`
 * includes `maggiorazione_art69`; `importo_euro` is the category's fund split by it, to the cent;
 * `graduatoria_art69` is each one's place in the order of merit, whose tie rule the rows of the
 * uplifted state.
 */
export function payrollFile(year: PayrollYear): string {
  return italianCsv([COLUMNS, ...year.rows.map((r) => cells(year, r))]);
}
