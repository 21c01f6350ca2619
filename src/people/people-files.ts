import { date, decimal, integer, requiredText, RowProblem } from "../csv/fields";
import { csvHeader, delimiterOf, readCsvText } from "../csv/italian-csv";
import { StaffCategory } from "../../entities/enums";
import { OrgUnit } from "../../entities/org-unit.entity";

/**
 * People from three CSV exports (`;` or `,`, header row; the headers also as in ALIASES):
 *   employees:   matricola; nome; categoria (DIRIGENTE | PO | DIPENDENTE, or MANAGER | PO | STAFF): the category now
 *   assignments: matricola; unita (unit code); dal; al (blank: still there); quota (share of full time,
 *                blank: 1); categoria (held over those dates, blank: the employee's)
 *   assessments: matricola; anno; punteggio (0-100)
 */
export interface PeopleFiles {
  employees: string | null;
  assignments: string | null;
  assessments: string | null;
}

const CATEGORIES: Record<string, StaffCategory> = {
  DIRIGENTE: StaffCategory.MANAGER,
  MANAGER: StaffCategory.MANAGER,
  PO: StaffCategory.PO,
  "POSIZIONE ORGANIZZATIVA": StaffCategory.PO,
  DIPENDENTE: StaffCategory.STAFF,
  STAFF: StaffCategory.STAFF,
};

function category(fields: Record<string, string>): StaffCategory {
  const value = CATEGORIES[requiredText(fields, "categoria").toUpperCase()];
  if (!value) throw new RowProblem("categoria", `"${fields.categoria}" is not DIRIGENTE, PO or DIPENDENTE`);
  return value;
}

/** Each file's columns: the required ones first, then the optional ones (README, "People"). */
const COLUMNS: Record<keyof PeopleFiles, { required: string[]; optional: string[] }> = {
  employees: { required: ["matricola", "nome", "categoria"], optional: [] },
  assignments: { required: ["matricola", "unita", "dal"], optional: ["al", "quota", "categoria"] },
  assessments: { required: ["matricola", "anno", "punteggio"], optional: [] },
};

/** Headers as an office writes them, besides the column's own name, compared without case or accents. */
const ALIASES: Record<string, string[]> = {
  matricola: ["n matricola", "numero matricola"],
  nome: ["cognome e nome", "nome e cognome", "nominativo"],
  categoria: ["qualifica"],
  unita: ["codice unita", "unita organizzativa"],
  dal: ["data inizio", "inizio"],
  al: ["data fine", "fine"],
  quota: ["quota tempo"],
  punteggio: ["valutazione"],
};

/** "Unità", "Cognome e Nome", "N. matricola" → "unita", "cognome e nome", "n matricola". */
const plain = (header: string) =>
  header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const COLUMN_OF = new Map(
  Object.values(COLUMNS)
    .flatMap(({ required, optional }) => [...required, ...optional])
    .flatMap((column) => [column, ...(ALIASES[column] ?? [])].map((header) => [header, column] as const)),
);

const columnOf = (header: string) => COLUMN_OF.get(plain(header)) ?? header;

/** "nome (or "cognome e nome", …)": a column with the other headers it may be given as. */
const accepted = (column: string) =>
  ALIASES[column] ? `${column} (or ${ALIASES[column].map((alias) => `"${alias}"`).join(", ")})` : column;

/**
 * The required columns a file's header lacks, one problem per file naming them and listing the
 * columns expected: told once here rather than as a missing field on every row.
 */
export function missingColumns(name: keyof PeopleFiles, text: string | null): string[] {
  if (!text) return [];
  const header = csvHeader(name, text);
  const present = new Set(header.map(columnOf));
  const missing = COLUMNS[name].required.filter((column) => !present.has(column));
  if (!missing.length) return [];
  const { required, optional } = COLUMNS[name];
  return [
    `${name}: no column ${missing.join(", ")} in the header (${header.join("; ")}); ` +
      `expected ${required.map(accepted).join("; ")}` +
      (optional.length ? `, optionally ${optional.map(accepted).join("; ")}` : "") +
      " (case and accents ignored)",
  ];
}

export interface PeopleRow {
  line: number;
  fields: Record<string, string>;
  /** Why a row with more values than the header has columns is refused; null for any other row. */
  tooLong: RowProblem | null;
}

/**
 * A file's rows, each with its line and the file's name (for the problems); none when the file was
 * not given. A row with more values than the header has columns is a problem of its own, never read
 * as if the surplus were not there.
 */
export function rows(name: string, text: string | null): PeopleRow[] {
  if (!text) return [];
  const header = csvHeader(name, text);
  const byCommas = delimiterOf(text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0]) === ",";
  return readCsvText(name, text).map(({ line, fields, surplus }) => ({
    line,
    fields: {
      ...Object.fromEntries(Object.entries(fields).map(([header, value]) => [columnOf(header), value])),
      _file: name,
    },
    tooLong: surplus
      ? new RowProblem(
          `colonna ${header.length + 1}`,
          `la riga ha ${header.length + surplus.length} valori, l'intestazione ${header.length} colonne (${header.join(", ")})` +
            (byCommas
              ? `; in un file separato da virgole una virgola decimale divide il valore ("0,5" in 0 e 5): scrivere 0.5, racchiudere "0,5" tra virgolette o separare i campi con ;`
              : ""),
        )
      : null,
  }));
}

export function employeeRow(fields: Record<string, string>) {
  return { code: requiredText(fields, "matricola"), name: requiredText(fields, "nome"), category: category(fields) };
}

/** An assignment row, to a unit that existed on every one of its days. */
export function assignmentRow(fields: Record<string, string>, units: ReadonlyMap<string, OrgUnit>) {
  const unit = units.get(requiredText(fields, "unita"));
  if (!unit) throw new RowProblem("unita", `no unit has the code "${fields.unita}"`);
  const validFrom = date(fields, "dal")!;
  const validTo = date(fields, "al", false);
  if (validTo !== null && validTo < validFrom) throw new RowProblem("al", "ends before it starts");
  const startsInTime = unit.validFrom === null || unit.validFrom <= validFrom;
  const endsInTime = unit.validTo === null || (validTo !== null && validTo <= unit.validTo);
  if (!startsInTime || !endsInTime)
    throw new RowProblem(
      "unita",
      `${unit.code} existed ${unit.validFrom ? `from ${unit.validFrom} ` : ""}${unit.validTo ? `to ${unit.validTo}` : "with no end"}, not on every day from ${validFrom} to ${validTo ?? "no end"}`,
    );
  return {
    code: requiredText(fields, "matricola"),
    unitId: unit.id,
    unitCode: unit.code,
    validFrom,
    validTo,
    share: decimal(fields, "quota", 0.01, 1, 1),
    category: (fields.categoria ?? "").trim() === "" ? null : category(fields),
  };
}

export function assessmentRow(fields: Record<string, string>) {
  return {
    code: requiredText(fields, "matricola"),
    year: integer(fields, "anno", 1990, 2100, "un anno"),
    score: decimal(fields, "punteggio", 0, 100),
  };
}
