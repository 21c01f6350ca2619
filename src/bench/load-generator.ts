/**
 * A load generator on its own thread, so that sending requests and parsing answers do not take
 * the event loop of the server being measured. Run as a worker by `generateLoad`.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

export interface LoadReport {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

interface LoadOrder {
  url: string;
  query: string;
  seconds: number;
  concurrency: number;
}

/** Sends `query` from `concurrency` clients for `seconds`, each waiting for its answer before the next request. */
export function generateLoad(order: LoadOrder): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: order });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

async function run({ url, query, seconds, concurrency }: LoadOrder): Promise<LoadReport> {
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const body = JSON.stringify({ query });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const started = process.hrtime.bigint();
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
        const json = (await response.json()) as { errors?: unknown[] };
        if (json.errors) throw new Error(`the query failed: ${JSON.stringify(json.errors).slice(0, 300)}`);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  return percentiles(latencies, seconds);
}

/** Nearest-rank percentiles of latencies in milliseconds. */
export function percentiles(latencies: number[], seconds: number): LoadReport {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => +sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1);
  return {
    requests: sorted.length,
    perSecond: +(sorted.length / seconds).toFixed(1),
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  // Fire and forget: a failure is an unhandled rejection, which ends the worker and reaches generateLoad's "error".
  void run(workerData as LoadOrder).then((report) => port.postMessage(report));
}
