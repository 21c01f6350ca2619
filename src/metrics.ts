import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { JobRun } from "../entities/job-run.entity";

/**
 * What `/metrics` tells Prometheus about this process: requests, errors, job runs, the attainment
 * cache. One registry per process, as prom-client intends; the counters are this process's own
 * (a scrape of every replica adds them up), the lease gauge reads the database they share.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "traguardo_" });

// Clients name their operations: past this many names the rest count as "other", so a caller
// cannot grow the series without bound.
const MAX_OPERATION_NAMES = 200;
const operationNames = new Set<string>();

/** A client's operation name as a label value: known names kept, anything odd or too many become "other". */
export function operationLabel(name: string | undefined): string {
  if (name === undefined) return "none";
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "other";
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_NAMES) return "other";
  operationNames.add(name);
  return name;
}

export const requestDuration = new Histogram({
  name: "traguardo_http_request_duration_seconds",
  help: "HTTP requests by route, GraphQL operation and status",
  labelNames: ["route", "operation", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: "traguardo_graphql_errors_total",
  help: "Errors answered to GraphQL clients, by code",
  labelNames: ["code"] as const,
  registers: [registry],
});

export const jobRuns = new Counter({
  name: "traguardo_job_runs_total",
  help: "Job runs finished in this process, by job and status",
  labelNames: ["job", "status"] as const,
  registers: [registry],
});

export const jobRunDuration = new Histogram({
  name: "traguardo_job_run_duration_seconds",
  help: "How long job runs took, by job and status",
  labelNames: ["job", "status"] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
  registers: [registry],
});

export const jobRowsRead = new Counter({
  name: "traguardo_job_rows_total",
  help: "Source rows read by job runs, by job and outcome (accepted, rejected)",
  labelNames: ["job", "outcome"] as const,
  registers: [registry],
});

export const attainmentCache = new Counter({
  name: "traguardo_attainment_cache_total",
  help: "Reads of a year's attainment inputs, answered from the cache (hit) or the database (miss)",
  labelNames: ["result"] as const,
  registers: [registry],
});

export const preparedEligibility = new Counter({
  name: "traguardo_prepared_eligibility_total",
  help: "Reads of the eligibility prepared for the year under review: current (used), stale (a count of changes moved since: computed afresh) or absent (none prepared for that year)",
  labelNames: ["result"] as const,
  registers: [registry],
});

export const responseCache = new Counter({
  name: "traguardo_response_cache_total",
  help: "GraphQL operations answered whole from the response cache (hit), computed (miss), or never cached (bypass: mutations, audit events, eligibility)",
  labelNames: ["result"] as const,
  registers: [registry],
});

/** A finished run into the job counters (a run still RUNNING is counted when it ends). */
export function observeJobRun(run: JobRun): void {
  const labels = { job: run.jobKey, status: run.status };
  jobRuns.inc(labels);
  if (run.startedAt && run.finishedAt)
    jobRunDuration.observe(labels, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
  jobRowsRead.inc({ job: run.jobKey, outcome: "accepted" }, run.rowsAccepted);
  jobRowsRead.inc({ job: run.jobKey, outcome: "rejected" }, run.rowsRejected);
}
