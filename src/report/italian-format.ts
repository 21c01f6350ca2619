/** How the Relazione writes figures and dates for Italian readers, the same in every format. */

const PERCENT = new Intl.NumberFormat("it-IT", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const NUMBER = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 });
const INSTANT = new Intl.DateTimeFormat("it-IT", {
  timeZone: "Europe/Rome",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** 0.8 → "80,0%"; null → "—" (incomplete, never 0). */
export const percent = (share: number | null) => (share === null ? "—" : `${PERCENT.format(share * 100)}%`);

/** 1234.5 → "1.234,5"; null → "—". */
export const figure = (value: number | null) => (value === null ? "—" : NUMBER.format(value));

/** "2020-06-30" → "30/06/2020". */
export const italianDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** An instant as read in Milan: "30/06/2020, 10:15". */
export const italianInstant = (iso: string) => INSTANT.format(new Date(iso));

/** The Solidale gate in words. */
export const gateWords = (open: boolean | null) =>
  open === null ? "Non ancora valutabile" : open ? "Raggiunti" : "Non raggiunti";

/** The cover's statement of how final the figures are. */
export function figuresStatement(provisional: boolean, knownOn: string, frozenAt: string | null): string {
  return provisional || frozenAt === null
    ? `DATI PROVVISORI: situazione al ${italianDate(knownOn)}; la valutazione non è ancora validata dal Nucleo di Valutazione e i valori possono cambiare.`
    : `Dati definitivi: congelati alla validazione del Nucleo di Valutazione del ${italianInstant(frozenAt)}.`;
}
