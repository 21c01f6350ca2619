import { SourceRecord } from "../job";
import { SourceAdapter, SourceUnavailable } from "./source";

/**
 * An HTTP endpoint answering a JSON array of rows (or `{ "rows": [...] }`). `{from}` and `{to}` in
 * the URL are replaced by the period's first and last day, so the endpoint can filter.
 */
export class HttpJson implements SourceAdapter {
  readonly description: string;
  // The endpoint decides the order.
  readonly groups = false;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.description = `HTTP ${url.replace(/\?.*/, "")}`;
  }

  async *read(from: string, to: string): AsyncIterable<SourceRecord> {
    const url = this.url.replace("{from}", encodeURIComponent(from)).replace("{to}", encodeURIComponent(to));
    let body: unknown;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: "application/json" },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw new SourceUnavailable(`${this.description} did not answer: ${(error as Error).message}`);
    }
    const rows = Array.isArray(body) ? body : (body as { rows?: unknown }).rows;
    if (!Array.isArray(rows))
      throw new SourceUnavailable(`${this.description} answered something other than a list of rows`);
    let line = 0;
    for (const row of rows) yield { line: ++line, fields: (row ?? {}) as Record<string, unknown> };
  }
}
