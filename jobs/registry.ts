import { Config } from "../src/config";
import { adapterFor } from "./adapters";
import { SourceAdapter } from "./adapters/source";
import { JobDefinition } from "./job";
import { paymentTimelinessJob } from "./payment-timeliness.job";

/** A job as configured here: what it computes, where it reads, when it runs (Europe/Rome). */
export interface ConfiguredJob {
  definition: JobDefinition<unknown>;
  source: () => SourceAdapter;
  schedule: string;
}

export function configuredJobs(config: Config): ConfiguredJob[] {
  return [
    {
      definition: paymentTimelinessJob(config.ITP_DISPUTE_RULE) as JobDefinition<unknown>,
      source: () => adapterFor(config.JOB_PAYMENT_TIMELINESS_SOURCE),
      schedule: config.JOB_PAYMENT_TIMELINESS_SCHEDULE,
    },
  ];
}

export function findJob(config: Config, key: string): ConfiguredJob | undefined {
  return configuredJobs(config).find((job) => job.definition.key === key);
}
