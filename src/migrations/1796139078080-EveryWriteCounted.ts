import { MigrationInterface, QueryRunner } from "typeorm";
import { changeCounterTriggers, dropChangeCounterTriggers } from "./change-counter";
import { runForDialect } from "./dialect";

/**
 * The tables each new counter counts (names as this migration writes them). With attainment's
 * inputs (kpi, target, measurement, phase, monitoring_report, counted since 2025) they cover every
 * table the kept GraphQL answers read, so a cache keyed by all the counters is stale after any
 * write to them. Two counters rather than one: a trigger holds its counter's row locked until the
 * writing transaction commits, so one counter would queue a plan change behind a long job run.
 * Not counted: job_lease (no query reads it; the scheduler renews it every few seconds),
 * audit_event (written beside every write), the people and their frozen eligibility (employee,
 * assignment, individual_assessment, frozen_eligibility: a trigger per row made a 150,000-person
 * import 7-9 s slower; the queries that read them, eligibility and eligibilityReport, are never
 * kept, like auditEvents) and data_version itself.
 */
export const EVERY_WRITE_COUNTERS = [
  {
    name: "plan-and-reviews",
    tables: [
      "administration",
      "plan",
      "act",
      "plan_change",
      "org_unit",
      "org_unit_head",
      "person",
      "objective",
      "objective_year",
      "objective_collaborator",
      "ambiguity",
      "evaluation_cycle",
      "cycle_transition",
      "review",
      "cycle_snapshot",
      "frozen_score",
      // Attainment reads the year's rules (the gate).
      "incentive_rule_set",
      // The statutory figures' appropriations and the transparency calendar's publications.
      "appropriation_base",
      "publication",
      // The directors' addresses the reminders go to.
      "person_email",
    ],
  },
  // The sources' alerts and the reminders are raised by the jobs' ticks.
  { name: "job-runs", tables: ["job_run", "rejected_row", "row_warning", "source_alert", "reminder"] },
] as const;

/**
 * EveryWriteCounted: by hand (no entity changed). A data_version row per counter, at 0, and the
 * triggers that add one to it on every insert, update and delete of its tables, on both dialects.
 */
export class EveryWriteCounted1796139078080 implements MigrationInterface {
  name = "EveryWriteCounted1796139078080";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const counter of EVERY_WRITE_COUNTERS)
      await runForDialect(queryRunner, changeCounterTriggers(counter.name, counter.tables));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const counter of EVERY_WRITE_COUNTERS) {
      const drops = [
        ...dropChangeCounterTriggers(counter.tables),
        `DELETE FROM data_version WHERE name = '${counter.name}'`,
      ];
      await runForDialect(queryRunner, { mysql: drops, sqlite: drops });
    }
  }
}
