import { DataSource } from "typeorm";
import { AttainmentService } from "../attainment/attainment-service";
import { isCalendarDate } from "../dates";
import { invalidInput } from "../errors";
import { checkPlanYear, readPlanYears } from "../plan/plan-years";
import { buildRelazione } from "./build-relazione";
import { printPdf } from "./print-pdf";
import { readRelazioneInputs } from "./relazione-inputs";
import { renderHtml } from "./render-html";
import { renderXlsx } from "./render-xlsx";

const CONTENT_TYPES = {
  html: "text/html; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

export type ReportFormat = keyof typeof CONTENT_TYPES;

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** A format asked for by name, or INVALID_INPUT naming the ones there are. */
export function reportFormat(text: string): ReportFormat {
  if (Object.hasOwn(CONTENT_TYPES, text)) return text as ReportFormat;
  throw invalidInput(
    "format",
    `"${text}" is not a format of the Relazione: use ${Object.keys(CONTENT_TYPES).join(", ")}`,
  );
}

/** A day asked for as 'YYYY-MM-DD', or INVALID_INPUT. */
export function reportDate(text: string | null | undefined, field = "asOf"): string | null {
  if (text === null || text === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])))
    throw invalidInput(field, `"${text}" is not a calendar date (YYYY-MM-DD)`);
  return text;
}

/**
 * The Relazione sulla Performance of a year, as known on `asOf` (null: today; a validated or
 * closed year: as frozen), in one format. Made whole in memory: the caller writes or sends it
 * only once it exists, so a failure leaves nothing half-written.
 */
export async function relazioneFile(
  dataSource: DataSource,
  attainment: AttainmentService,
  request: { year: number; format: ReportFormat; asOf: string | null },
  chromiumPath: string,
): Promise<ReportFile> {
  const { year, format, asOf } = request;
  checkPlanYear(await readPlanYears(dataSource.manager), year);
  const relazione = buildRelazione(await readRelazioneInputs(dataSource, attainment, year, asOf));
  const html = renderHtml(relazione);
  const body =
    format === "html"
      ? Buffer.from(html, "utf8")
      : format === "xlsx"
        ? await renderXlsx(relazione)
        : await printPdf(html, chromiumPath);
  return { fileName: `relazione-performance-${year}.${format}`, contentType: CONTENT_TYPES[format], body };
}
