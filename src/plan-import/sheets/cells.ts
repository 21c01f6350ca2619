import { isCalendarDate, twoDigits } from "../../dates";
import { CellValue, isBlank, normalName } from "./sheet";
import { italianDate, italianDecimal } from "../../italian-format";

/**
 * Readers of one cell as Italian sheets write it: decimal commas ("0,5"), thousands points
 * ("1.234,5"), dates as dd/mm/yyyy or Excel date cells, per cent. Each returns the value in the
 * model's terms or throws a CellProblem whose message says what to write instead.
 */
export class CellProblem extends Error {}

/** The model's codes: capitals, digits and . _ / - (as the GraphQL inputs take them). */
const CODE = /^[A-Z0-9][A-Z0-9._/-]{0,63}$/;
/** DECIMAL(20,6): 14 digits before the point, 6 after. */
const MAX_DECIMALS = 6;
const MAX_INTEGER_DIGITS = 14;

export function text(value: CellValue): string | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) return italianDate(value.toISOString().slice(0, 10));
  return String(value).trim();
}

export function requiredText(value: CellValue): string {
  const read = text(value);
  if (read === null) throw new CellProblem("manca: questa colonna è obbligatoria");
  return read;
}

export function code(value: CellValue): string | null {
  const read = text(value)?.toUpperCase() ?? null;
  if (read !== null && !CODE.test(read))
    throw new CellProblem(`«${read}» non è un codice: lettere, cifre e . _ / - senza spazi, al massimo 64`);
  return read;
}

export function requiredCode(value: CellValue): string {
  const read = code(value);
  if (read === null) throw new CellProblem("manca il codice: questa colonna è obbligatoria");
  return read;
}

/** A reader that also refuses text longer than its column keeps. */
export const atMost =
  <T extends string | null>(max: number, read: (value: CellValue) => T) =>
  (value: CellValue): T => {
    const got = read(value);
    if (got !== null && got.length > max) throw new CellProblem(`è lungo ${got.length} caratteri: al massimo ${max}`);
    return got;
  };

/** "EDU, SCPS" → ["EDU", "SCPS"]. */
export function codeList(value: CellValue): string[] {
  const read = text(value);
  return read === null ? [] : read.split(/[,;]/).flatMap((part) => code(part.trim()) ?? []);
}

/** A decimal as the model stores it, canonical ("0.5", "70", "-3.25"); null when the cell is empty. */
export function decimal(value: CellValue): string | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") return fromNumber(value);
  if (typeof value !== "string") throw new CellProblem("non è un numero");
  const written = value.replace(/[\s\u00a0\u202f]/g, "").replace(/%$/, "");
  let plain: string;
  if (written.includes(",")) {
    if (!/^-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/.test(written))
      throw new CellProblem(`«${value}» non è un numero (scrivete ad esempio 1234,5)`);
    plain = written.replace(/\./g, "").replace(",", ".");
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(written)) {
    throw new CellProblem(
      `«${value}» è ambiguo: scrivete ${written.replace(/\./g, "")} se sono migliaia, o usate la virgola per i decimali`,
    );
  } else if (/^-?\d+(\.\d+)?$/.test(written)) {
    plain = written;
  } else throw new CellProblem(`«${value}» non è un numero (scrivete ad esempio 0,5 o 70)`);
  return canonical(plain);
}

export function requiredDecimal(value: CellValue): string {
  const read = decimal(value);
  if (read === null) throw new CellProblem("manca il numero: questa colonna è obbligatoria");
  return read;
}

/** A weight written in per cent, as the model keeps it: a fraction (40 → "0.4"). */
export function percentAsFraction(value: CellValue): string {
  const percent = requiredDecimal(value);
  if (percent.startsWith("-")) throw new CellProblem(`il peso ${italianDecimal(percent)} è negativo`);
  const [whole, decimals = ""] = percent.split(".");
  // As a fraction it gains two decimals, and the model keeps six.
  if (decimals.length > MAX_DECIMALS - 2)
    throw new CellProblem(`il peso ${italianDecimal(percent)} ha più di ${MAX_DECIMALS - 2} decimali`);
  const padded = whole.padStart(3, "0");
  return canonical(`${padded.slice(0, -2)}.${padded.slice(-2)}${decimals}`);
}

/** A target: a number, or "> 70" (to be exceeded) and "< 5" (to be stayed under). */
export function targetValue(value: CellValue): { value: string; comparison: ">" | "<" | null } | null {
  if (typeof value === "string") {
    const strict = /^\s*([<>])\s*(.+)$/.exec(value);
    if (strict) return { value: requiredDecimal(strict[2]), comparison: strict[1] as ">" | "<" };
  }
  const read = decimal(value);
  return read === null ? null : { value: read, comparison: null };
}

/** "31/12/2019", "2019-12-31" or an Excel date cell → "2019-12-31". */
export function calendarDate(value: CellValue): string | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const written = String(value).trim();
  const italian = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(written);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  const [year, month, day] = italian
    ? [italian[3], italian[2], italian[1]].map(Number)
    : iso
      ? [iso[1], iso[2], iso[3]].map(Number)
      : [0, 0, 0];
  if (!isCalendarDate(year, month, day))
    throw new CellProblem(`«${written}» non è una data: scrivete gg/mm/aaaa, ad esempio 31/12/2019`);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

export function year(value: CellValue): number {
  const read = text(value);
  if (read === null) throw new CellProblem("manca l'anno: questa colonna è obbligatoria");
  if (!/^\d{4}$/.test(read)) throw new CellProblem(`«${read}» non è un anno (ad esempio 2019)`);
  return Number(read);
}

/** "2019, 2020", "2019-2021" or 2019 → the years, in order. */
export function years(value: CellValue): number[] {
  const read = text(value);
  if (read === null) throw new CellProblem("mancano gli anni: scrivete ad esempio 2019, 2020");
  const found = read.split(/[,;\s]+/).flatMap((part) => {
    const range = /^(\d{4})-(\d{4})$/.exec(part);
    if (range && Number(range[1]) <= Number(range[2]))
      return Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i);
    return [year(part)];
  });
  return [...new Set(found)].sort((a, b) => a - b);
}

/** One of the labels a column takes (written in any case, with or without accents). */
export function choice<T>(value: CellValue, labels: Readonly<Record<string, T>>): T | null {
  const read = text(value);
  if (read === null) return null;
  const found = Object.entries(labels).find(([label]) => normalName(label) === normalName(read));
  if (!found) throw new CellProblem(`«${read}» non è tra i valori ammessi: ${Object.keys(labels).join(", ")}`);
  return found[1];
}

export function requiredChoice<T>(value: CellValue, labels: Readonly<Record<string, T>>): T {
  const read = choice(value, labels);
  if (read === null) throw new CellProblem(`manca: scrivete uno di ${Object.keys(labels).join(", ")}`);
  return read;
}

/** "0.4" → "0,4": numbers in messages as the planning office writes them. */
function fromNumber(value: number): string {
  if (!Number.isFinite(value)) throw new CellProblem("non è un numero");
  // An Excel cell holds a binary double: 15 significant digits are what Excel itself shows.
  const shortest = String(Number(value.toPrecision(15)));
  if (shortest.includes("e")) throw new CellProblem(`${shortest} è fuori misura: al massimo 6 decimali`);
  return canonical(shortest);
}

/** "007.50" → "7.5", "-0" → "0"; refuses what DECIMAL(20,6) would round or overflow. */
function canonical(plain: string): string {
  const negative = plain.startsWith("-");
  const [whole, decimals = ""] = plain.replace("-", "").split(".");
  const integer = whole.replace(/^0+(?=\d)/, "");
  const fraction = decimals.replace(/0+$/, "");
  if (fraction.length > MAX_DECIMALS) throw new CellProblem(`${italianDecimal(plain)} ha più di 6 decimali`);
  if (integer.length > MAX_INTEGER_DIGITS) throw new CellProblem(`${italianDecimal(plain)} è troppo grande`);
  const text = fraction ? `${integer}.${fraction}` : integer;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
