import { createConnection } from "mysql2/promise";
import { startServedProcesses } from "./served-processes";
import { timedRequest } from "./timed-request";

/**
 * The first request after a write, with the years precomputed after a change (PRECOMPUTE_SECONDS
 * 2) and without (0), on npm start's build: the query once to warm the server, then three times a
 * write to attainment's inputs by another connection (a target set to itself: the counter moves,
 * the figures do not), a pause longer than the precompute's interval, and the query timed.
 */
export async function firstAfterWrite(url: string, label: string, query: string) {
  const writer = await createConnection(url);
  const results = [];
  try {
    for (const precompute of ["2", "0"]) {
      const served = await startServedProcesses(url, 1, {
        GRAPHQL_MAX_COST: "10000000",
        PRECOMPUTE_SECONDS: precompute,
      });
      const ask = () => timedRequest(served.endpoint, query, label);
      try {
        const firstMs = await ask();
        const afterWriteMs = [];
        for (let i = 0; i < 3; i += 1) {
          await writer.query("UPDATE target SET value = value ORDER BY id LIMIT 1");
          await new Promise((resolve) => setTimeout(resolve, 4_000));
          afterWriteMs.push(await ask());
        }
        results.push({
          precomputeSeconds: Number(precompute),
          firstMs,
          afterWriteMs,
          repeatMs: await ask(),
        });
      } finally {
        await served.stop();
      }
    }
  } finally {
    await writer.end();
  }
  return results;
}
