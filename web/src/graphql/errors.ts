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

export function apiMessages(error: CombinedError): string[] {
  if (error.networkError && error.graphQLErrors.length === 0) {
    return [`Il server non risponde: ${error.networkError.message}`];
  }
  return error.graphQLErrors.map((e) => {
    const code = typeof e.extensions.code === "string" ? e.extensions.code : "";
    return `${CODE_LABEL[code] ?? "Errore"}: ${e.message}`;
  });
}

/** The field an INVALID_INPUT names (extensions.field), to show the message beside it. */
export function invalidField(error: CombinedError | undefined): { field: string | null; message: string } | null {
  const first = error?.graphQLErrors[0];
  if (!first) return error ? { field: null, message: apiMessages(error).join(" ") } : null;
  const field = typeof first.extensions.field === "string" ? first.extensions.field : null;
  return { field, message: apiMessages(error).join(" ") };
}
