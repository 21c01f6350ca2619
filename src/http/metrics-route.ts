import { Router } from "express";
import { Gauge } from "prom-client";
import { DataSource, MoreThan } from "typeorm";
import { JobLease } from "../../entities/job-lease.entity";
import { Logger } from "../logger";
import { registry } from "../metrics";

const leasesHeld = new Gauge({
  name: "traguardo_job_leases_held",
  help: "Job leases held now by any server, by job (read from the database at each scrape)",
  labelNames: ["job"] as const,
  registers: [registry],
});

/**
 * `/metrics` in Prometheus' text format. It names no person and no token: operations, codes, jobs.
 * A database that does not answer leaves the lease gauge out, not the scrape.
 */
export function metricsRouter(dataSource: DataSource, logger: Logger): Router {
  const router = Router();
  router.get("/metrics", async (_req, res) => {
    leasesHeld.reset();
    try {
      const held = await dataSource.manager.findBy(JobLease, { expiresAt: MoreThan(new Date()) });
      for (const lease of held) leasesHeld.set({ job: lease.jobKey }, 1);
    } catch (error) {
      logger.warn({ err: error }, "metrics: the job leases could not be read");
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
