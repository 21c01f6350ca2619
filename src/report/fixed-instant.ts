import { Relazione } from "./relazione";

/**
 * The one instant a report may carry: the freeze's for a validated year, else the start of the day
 * the figures are known as of. Never the time the report was made, so that making it again changes nothing.
 */
export const fixedInstant = (r: Relazione): Date => new Date(r.frozenAt ?? `${r.knownOn}T00:00:00Z`);
