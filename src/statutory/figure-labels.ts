import { ratioAsStoredDecimal } from "../../jobs/formulas/exact-ratio";
import { roundForDisplay } from "../display-decimal";
import { centsOf, LatePaymentFigures } from "./late-payment-figures";

/** A figure as published: a stable code, its Italian label, the value at full precision (euros with their cents) and as shown. */
export interface LabelledFigure {
  code: string;
  label: string;
  /** Decimal text (euros, days, percent) or "true"/"false"; null when it cannot be computed yet. */
  value: string | null;
  /** As a person reads it: decimal comma, thousands points, two decimals, "Sì"/"No"; "n.d." when missing. */
  display: string;
}

/** "-1234567.891" → "-1.234.567,89": rounded half away from zero on the digits, then written the Italian way. */
export function italianDecimal(decimal: string, places = 2): string {
  const [whole, fraction] = roundForDisplay(decimal, places).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const grouped = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${grouped}${fraction === undefined ? "" : `,${fraction}`}`;
}

const euros = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2));
const yesNo = (flag: boolean | null) => (flag === null ? null : String(flag));

/** How a value is shown: a decimal with two places, a yes or no, or a whole number as it is. */
export type FigureKind = "number" | "flag" | "whole";

export function labelled(code: string, label: string, value: string | null, kind: FigureKind): LabelledFigure {
  const display =
    value === null
      ? "n.d."
      : kind === "flag"
        ? value === "true"
          ? "Sì"
          : "No"
        : kind === "whole"
          ? value
          : italianDecimal(value);
  return { code, label, value, display };
}

/** The year's L. 145/2018 figures in the order the Amministrazione Trasparente table shows them. */
export function labelledFigures(f: LatePaymentFigures): LabelledFigure[] {
  const { year } = f;
  const ratio = (numerator: number, denominator: number) =>
    denominator === 0 ? null : ratioAsStoredDecimal(numerator, denominator);
  const change =
    f.stockCents === null || !f.previousStockCents
      ? null
      : ratio((f.stockCents - f.previousStockCents) * 100, f.previousStockCents);
  const rows: Array<[string, string, string | null, FigureKind]> = [
    [
      "RITARDO_ANNUALE",
      `Indicatore di ritardo annuale dei pagamenti ${year} (giorni)`,
      f.delay && ratio(f.delay.numerator, f.delay.denominator),
      "number",
    ],
    [
      "DEBITO_SCADUTO",
      `Debito commerciale residuo scaduto e non pagato al 31/12/${year} (euro)`,
      euros(f.stockCents),
      "number",
    ],
    [
      "DEBITO_SCADUTO_PRECEDENTE",
      `Debito commerciale residuo scaduto e non pagato al 31/12/${year - 1} (euro)`,
      euros(f.previousStockCents),
      "number",
    ],
    ["VARIAZIONE_DEBITO", `Variazione del debito scaduto rispetto al 31/12/${year - 1} (%)`, change, "number"],
    ["FATTURE_RICEVUTE", `Fatture ricevute nel ${year} (euro)`, euros(f.receivedCents), "number"],
    [
      "ESENZIONE_5",
      "Debito scaduto non superiore al 5% delle fatture ricevute nell'anno",
      yesNo(f.debtTest?.exempt ?? null),
      "flag",
    ],
    [
      "VERIFICA_DEBITO",
      "Debito ridotto di almeno il 10% o non superiore al 5% delle fatture ricevute",
      yesNo(f.debtTest?.passed ?? null),
      "flag",
    ],
    [
      "IMPRESE_CREDITRICI",
      `Numero delle imprese creditrici al 31/12/${year}`,
      f.creditorFirms === null ? null : String(f.creditorFirms),
      "whole",
    ],
    [
      "PERCENTUALE_ACCANTONAMENTO",
      "Quota da accantonare nel Fondo di Garanzia Debiti Commerciali (% degli stanziamenti)",
      f.provisionPercent === null ? null : String(f.provisionPercent),
      "whole",
    ],
    [
      "STANZIAMENTI",
      `Stanziamenti per acquisto di beni e servizi ${year} (euro)`,
      f.appropriations ? euros(centsOf(f.appropriations.amount)) : null,
      "number",
    ],
    [
      "ACCANTONAMENTO",
      `Accantonamento al Fondo di Garanzia Debiti Commerciali ${year} (euro)`,
      euros(f.provisionCents),
      "number",
    ],
  ];
  return rows.map(([code, label, value, kind]) => labelled(code, label, value, kind));
}
