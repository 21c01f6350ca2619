/** Why an eligibility is INCOMPLETE: said in English to the API, in Italian in the payroll file. */
export type IncompleteReason =
  | { kind: "GATE_NOT_JUDGED"; objectives: string[] }
  | { kind: "NO_UNIT_SCORE"; units: string[] }
  | { kind: "NO_ASSESSMENT"; year: number };

export function inEnglish(reason: IncompleteReason): string {
  switch (reason.kind) {
    case "GATE_NOT_JUDGED":
      return `the Solidale gate cannot be judged: ${reason.objectives.join(", ")} incomplete, and no decision of the Nucleo on the gate`;
    case "NO_UNIT_SCORE":
      return `no unit score for ${reason.units.join(", ")} (attainment incomplete)`;
    case "NO_ASSESSMENT":
      return `no individual assessment for ${reason.year}`;
  }
}

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
