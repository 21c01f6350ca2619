import { refusalMessage, unreachable } from "../../graphql/errors";

export type RelazioneFormat = "html" | "pdf" | "xlsx";

/** The report route's address for a year, a format and, when one is chosen, the day it is known as of. */
export function relazioneUrl(year: number, format: RelazioneFormat, asOf: string | null): string {
  return `/reports/relazione/${year}.${format}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`;
}

/** The name the server gives the file (content-disposition), else one of the same form. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match ? match[1] : fallback;
}

/** The route's refusal in Italian: it answers in GraphQL's error shape; anything else by its status. */
async function refusalOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
    if (body.errors?.length) return body.errors.map(refusalMessage).join(" ");
  } catch {
    // Not JSON (a proxy's page): the status says what there is to say.
  }
  return `Errore: il server ha risposto ${response.status}`;
}

/**
 * Asks the report route for the Relazione with the session's bearer token (a link could not carry
 * it) and saves what comes as a file, through a Blob and an object URL freed once the download has
 * started. Resolves to the file's name, or throws an Error whose message is in Italian.
 */
export async function downloadRelazione(
  token: string,
  year: number,
  format: RelazioneFormat,
  asOf: string | null,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(relazioneUrl(year, format, asOf), { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new Error(unreachable(error instanceof Error ? error.message : String(error)), { cause: error });
  }
  if (!response.ok) throw new Error(await refusalOf(response));
  const fileName = fileNameOf(response, `relazione-performance-${year}.${format}`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the Blob to the browser's download; the URL is not needed after it.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return fileName;
}
