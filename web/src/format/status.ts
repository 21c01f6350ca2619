/**
 * The status word of a score, shown beside its colour so colour is never the only signal:
 * incompleto while an input is missing, raggiunto at 100%, non raggiunto at 0, parziale between.
 */
export type ScoreStatus = "raggiunto" | "parziale" | "non-raggiunto" | "incompleto";

export const STATUS_LABEL: Record<ScoreStatus, string> = {
  raggiunto: "Raggiunto",
  parziale: "Parziale",
  "non-raggiunto": "Non raggiunto",
  incompleto: "Incompleto",
};

export function scoreStatus(status: string, score: number | null): ScoreStatus {
  if (status === "INCOMPLETE" || score === null) return "incompleto";
  if (score >= 1) return "raggiunto";
  return score > 0 ? "parziale" : "non-raggiunto";
}
