/** Why an eligibility is INCOMPLETE, said in Italian to the API and in the payroll file alike. */
export type IncompleteReason =
  | { kind: "GATE_NOT_JUDGED"; objectives: string[] }
  | { kind: "NO_UNIT_SCORE"; units: string[] }
  | { kind: "NO_ASSESSMENT"; year: number };

export function inItalian(reason: IncompleteReason): string {
  switch (reason.kind) {
    case "GATE_NOT_JUDGED":
      return `obiettivi solidali non giudicabili: ${reason.objectives.join(", ")} incompleto, nessuna decisione del Nucleo`;
    case "NO_UNIT_SCORE":
      return `manca il punteggio di ${reason.units.join(", ")} (risultati incompleti)`;
    case "NO_ASSESSMENT":
      return `manca la valutazione individuale ${reason.year}`;
  }
}
