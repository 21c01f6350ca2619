import { mkdirSync } from "node:fs";
import { Config } from "../src/config";
import { adapterFor } from "./adapters";
import { SourceAdapter } from "./adapters/source";
import { JobDefinition } from "./job";
import { crmResponseJob } from "./crm-response.job";
import { overdueDebtJob } from "./overdue-debt.job";
import { paymentTimelinessJob } from "./payment-timeliness.job";
import { pianoQuartieriJob } from "./piano-quartieri.job";

/** A job as configured here: what it computes, where it reads, when it runs (Europe/Rome). */
export interface ConfiguredJob {
  definition: JobDefinition<unknown>;
  source: () => SourceAdapter;
  schedule: string;
}

export function configuredJobs(config: Config): ConfiguredJob[] {
  const timeoutMs = config.JOB_SOURCE_TIMEOUT_SECONDS * 1000;
  return [
    {
      definition: paymentTimelinessJob(config.ITP_DISPUTE_RULE),
      source: () => adapterFor(config.JOB_PAYMENT_TIMELINESS_SOURCE, timeoutMs),
      schedule: config.JOB_PAYMENT_TIMELINESS_SCHEDULE,
    },
    {
      definition: overdueDebtJob(config.ITP_DISPUTE_RULE),
      source: () => adapterFor(config.JOB_OVERDUE_DEBT_SOURCE, timeoutMs),
      schedule: config.JOB_OVERDUE_DEBT_SCHEDULE,
    },
    {
      definition: crmResponseJob({
        serviceLevelDays: config.CRM_SERVICE_LEVEL_DAYS,
        dayCount: config.CRM_DAY_COUNT,
        configuredChannels: config.CRM_CHANNELS.split(","),
      }),
      source: () => adapterFor(config.JOB_CRM_RESPONSE_SOURCE, timeoutMs),
      schedule: config.JOB_CRM_RESPONSE_SCHEDULE,
    },
    {
      definition: pianoQuartieriJob(config.PQ_PROGRESS_METHOD, {
        rule: config.PQ_DUE_AND_DONE,
        toleranceDays: config.PQ_TOLERANCE_DAYS,
      }),
      source: () => adapterFor(config.JOB_PIANO_QUARTIERI_SOURCE, timeoutMs),
      schedule: config.JOB_PIANO_QUARTIERI_SCHEDULE,
    },
  ];
}

/** The CSV inboxes the configuration names, created if missing, so that a fresh install's jobs find an empty folder. */
export function createInboxes(config: Config): void {
  for (const spec of [
    config.JOB_PAYMENT_TIMELINESS_SOURCE,
    config.JOB_OVERDUE_DEBT_SOURCE,
    config.JOB_CRM_RESPONSE_SOURCE,
    config.JOB_PIANO_QUARTIERI_SOURCE,
  ])
    if (spec.startsWith("csv:")) mkdirSync(spec.slice("csv:".length), { recursive: true });
}

/** The keys of the jobs configured here: a KPI's source is MANUAL or one of them. */
export function jobKeys(config: Config): string[] {
  return configuredJobs(config).map((job) => job.definition.key);
}

export function findJob(config: Config, key: string): ConfiguredJob | undefined {
  return configuredJobs(config).find((job) => job.definition.key === key);
}
