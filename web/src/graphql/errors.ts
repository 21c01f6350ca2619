import { CombinedError } from "urql";

/** The API's refusal by code, said in Italian; its own message follows, as it names the field. */
const CODE_LABEL: Record<string, string> = {
  UNAUTHENTICATED: "Accesso non riuscito",
  FORBIDDEN: "Non consentito al tuo ruolo",
  NOT_FOUND: "Non trovato",
  INVALID_INPUT: "Dato non valido",
  CYCLE_CLOSED: "Anno già validato o chiuso",
  SERVICE_UNAVAILABLE: "Servizio momentaneamente non disponibile",
  QUERY_TOO_COSTLY: "Richiesta troppo ampia",
  QUERY_TOO_SLOW: "Richiesta troppo lenta",
};

/** One refusal in GraphQL's error shape (the API's routes answer in it too), its code said in Italian. */
export function refusalMessage(error: { message: string; extensions?: Record<string, unknown> }): string {
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : "";
  return `${CODE_LABEL[code] ?? "Errore"}: ${error.message}`;
}

export const unreachable = (reason: string) => `Il server non risponde: ${reason}`;

export function apiMessages(error: CombinedError): string[] {
  if (error.networkError && error.graphQLErrors.length === 0) return [unreachable(error.networkError.message)];
  return error.graphQLErrors.map(refusalMessage);
}

/**
 * The input field an INVALID_INPUT names, to show the message beside it: extensions.field for the
 * domain's refusals, else the path its argument checks start their message with ("gaps.0.reason: …"
 * is the gaps field).
 */
export function invalidField(error: CombinedError | undefined): { field: string | null; message: string } | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  const message = apiMessages(error).join(" ");
  if (!first) return { field: null, message };
  if (typeof first.extensions.field === "string") return { field: first.extensions.field, message };
  const path = /^([A-Za-z]+)(\.[\w.]+)?: /.exec(first.message);
  return { field: path ? path[1] : null, message };
}
