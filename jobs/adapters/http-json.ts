import { dayNumber, fromDayNumber } from "../../src/dates";
import { SourceRecord } from "../job";
import { BATCH_ROWS, SourceAdapter, SourceUnavailable } from "./source";

/**
 * An HTTP endpoint answering a JSON array of rows (or `{ "rows": [...] }`). `{from}` and `{to}` in
 * the URL are replaced by the period's first and last day, so the endpoint can filter; `{until}` by
 * the day after the last, for an endpoint that filters instants half-open (`< until`).
 */
export class HttpJson implements SourceAdapter {
  readonly description: string;
  // The endpoint decides the order.
  readonly groups = false;

  constructor(
    private readonly url: string,
    /** For the whole answer, body included: an endpoint that stops mid-answer must not hold the run. */
    private readonly timeoutMs = 30_000,
  ) {
    this.description = `HTTP ${url.replace(/\?.*/, "")}`;
  }

  async *read(from: string, to: string): AsyncIterable<SourceRecord[]> {
    const body = await this.answer(
      this.url
        .replace("{from}", encodeURIComponent(from))
        .replace("{to}", encodeURIComponent(to))
        .replace("{until}", encodeURIComponent(fromDayNumber(dayNumber(to) + 1))),
    );
    const rows = Array.isArray(body) ? body : (body as { rows?: unknown } | null)?.rows;
    if (!Array.isArray(rows))
      throw new SourceUnavailable(`${this.description} answered something other than a list of rows`);
    for (let start = 0; start < rows.length; start += BATCH_ROWS)
      yield rows
        .slice(start, start + BATCH_ROWS)
        .map((row, i) => ({ line: start + i + 1, fields: (row ?? {}) as Record<string, unknown> }));
  }

  private async answer(url: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: "application/json" },
      });
      if (response.ok) return await response.json();
      await response.body?.cancel();
    } catch (error) {
      const reason =
        (error as Error).name === "TimeoutError"
          ? `no full answer within ${this.timeoutMs / 1000} s`
          : (error as Error).message;
      throw new SourceUnavailable(`${this.description} did not answer: ${reason}`);
    }
    throw new SourceUnavailable(`${this.description} answered HTTP ${response.status}`);
  }
}
