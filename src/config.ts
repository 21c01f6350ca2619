import cron from "node-cron";
import { z } from "zod";
import { EMAIL_ADDRESS } from "./email-address";

/** Pretty for a person at a terminal outside production, JSON wherever the lines are collected. */
function defaultLogFormat(): "json" | "pretty" {
  return process.env.NODE_ENV !== "production" && process.stdout.isTTY ? "pretty" : "json";
}

/**
 * The one place the environment is read. Validated at start so that a bad variable stops the
 * process with its name, instead of failing later somewhere less obvious.
 */
const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(
        /^(mysql|mariadb):\/\//,
        "must start with mysql:// or mariadb:// (leave it unset for the embedded SQLite file)",
      )
      .optional(),
    SQLITE_PATH: z.string().min(1).default("var/traguardo.sqlite"),
    // A statement running longer is killed and answered SERVICE_UNAVAILABLE (0: no limit).
    DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
    // better-sqlite3 waits for a lock synchronously, holding every request: keep it short.
    SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // pretty: coloured lines for a person at a terminal; json: one object per line for a collector.
    LOG_FORMAT: z.enum(["json", "pretty"]).default(defaultLogFormat()),
    // Prometheus text format at /metrics: operations, codes, jobs, no personal data.
    METRICS: z.enum(["on", "off"]).default("on"),
    API_ACCESS: z.enum(["public", "private"]).default("public"),
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((text) =>
        text
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .refine(
        (origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin) && URL.canParse(origin)),
        "must be origins separated by commas, such as https://cruscotto.comune.example,http://localhost:3000 (no path)",
      ),
    JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    JWT_PUBLIC_KEY: z.string().includes("BEGIN PUBLIC KEY", { message: "must be a PEM public key" }).optional(),
    JWT_JWKS_URL: z.string().url("must be the URL of an OIDC issuer's JWKS").optional(),
    JWT_ALGORITHM: z.enum(["HS256", "RS256", "PS256", "ES256", "EdDSA"]).optional(),
    JWT_ISSUER: z.string().min(1).default("traguardo"),
    JWT_AUDIENCE: z.string().min(1).default("traguardo-api"),
    GRAPHQL_EXPLORER: z.enum(["on", "off"]).default("on"),
    GRAPHQL_INTROSPECTION: z.enum(["on", "off"]).default("on"),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(200_000),
    GRAPHQL_MAX_FIELDS: z.coerce.number().int().min(10).default(2_000),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(20),
    GRAPHQL_TIME_BUDGET_MS: z.coerce.number().int().min(100).default(15_000),
    // Whole answers of read-only operations kept per process, by their JSON size (0: no cache).
    RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(64),
    // How often a server checks whether the years it served changed, to score them again ahead of the next request (0: never).
    PRECOMPUTE_SECONDS: z.coerce.number().min(0).max(3600).default(2),
    // Server processes sharing the port (node:cluster); the scheduler runs in one of them.
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    JOB_SCHEDULER: z.enum(["on", "off"]).default("on"),
    // The running holder renews it every third of this; one that stops loses it after this long.
    JOB_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(30),
    JOB_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    JOB_BACKOFF_MS: z.coerce.number().int().min(0).default(2000),
    // A rerun reading fewer rows than this share of the run it supersedes needs --force (0: never asks).
    JOB_RERUN_MIN_SHARE: z.coerce.number().min(0).max(1).default(0.5),
    JOB_SOURCE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(30),
    JOB_PAYMENT_TIMELINESS_SOURCE: z
      .string()
      .regex(/^(csv|sql|http):.+/, "must be csv:<folder>, sql:<url>#<table> or http:<url>")
      .default("csv:var/inbox/payment-timeliness"),
    JOB_PAYMENT_TIMELINESS_SCHEDULE: z
      .string()
      .refine((expression) => cron.validate(expression), "must be a cron expression (minute hour day month weekday)")
      .default("0 3 1 1,4,7,10 *"),
    ITP_DISPUTE_RULE: z.enum(["RESTART", "SHIFT"]).default("RESTART"),
    JOB_CRM_RESPONSE_SOURCE: z
      .string()
      .regex(/^(csv|sql|http):.+/, "must be csv:<folder>, sql:<url>#<table> or http:<url>")
      .default("csv:var/inbox/crm-response"),
    JOB_CRM_RESPONSE_SCHEDULE: z
      .string()
      .refine((expression) => cron.validate(expression), "must be a cron expression (minute hour day month weekday)")
      .default("30 3 1 1,4,7,10 *"),
    CRM_CHANNELS: z
      .string()
      .regex(/^[A-Z0-9_]+(,[A-Z0-9_]+)*$/, "must be channel codes separated by commas, e.g. 020202,EMAIL,WEB")
      .default("020202,EMAIL,WEB,APP,SOCIAL,SPORTELLO,PEC,CHAT"),
    CRM_SERVICE_LEVEL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    CRM_DAY_COUNT: z.enum(["CALENDAR", "WORKING"]).default("CALENDAR"),
    JOB_PIANO_QUARTIERI_SOURCE: z
      .string()
      .regex(/^(csv|sql|http):.+/, "must be csv:<folder>, sql:<url>#<table> or http:<url>")
      .default("csv:var/inbox/piano-quartieri"),
    JOB_PIANO_QUARTIERI_SCHEDULE: z
      .string()
      .refine((expression) => cron.validate(expression), "must be a cron expression (minute hour day month weekday)")
      .default("0 4 1 1,4,7,10 *"),
    PQ_PROGRESS_METHOD: z.enum(["MILESTONES", "ON_SCHEDULE", "PHYSICAL"]).default("MILESTONES"),
    // BY_PLANNED_DATE: a milestone due in the year counts as done only if done by its date (+ the tolerance).
    PQ_DUE_AND_DONE: z.enum(["BY_YEAR_END", "BY_PLANNED_DATE"]).default("BY_YEAR_END"),
    PQ_TOLERANCE_DAYS: z.coerce.number().int().min(0).max(366).default(0),
    JOB_OVERDUE_DEBT_SOURCE: z
      .string()
      .regex(/^(csv|sql|http):.+/, "must be csv:<folder>, sql:<url>#<table> or http:<url>")
      .default("csv:var/inbox/overdue-debt"),
    JOB_OVERDUE_DEBT_SCHEDULE: z
      .string()
      .refine((expression) => cron.validate(expression), "must be a cron expression (minute hour day month weekday)")
      .default("15 3 1 1,4,7,10 *"),
    // Reminders to the units before each monitoring date: unset SMTP_URL → only listed, never sent.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, "must be smtp://[user:password@]host[:port] or smtps://…")
      .optional(),
    REMINDER_FROM: z.string().min(3).default("Traguardo <traguardo@localhost>"),
    REMINDER_SCHEDULE: z
      .string()
      .refine((expression) => cron.validate(expression), "must be a cron expression (minute hour day month weekday)")
      .default("0 8-18 * * 1-5"),
    REMINDER_DAYS_BEFORE: z.coerce.number().int().min(1).max(90).default(10),
    REMINDER_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
    // The dashboard a reminder links to: <DASHBOARD_URL>/<unit code>.
    DASHBOARD_URL: z
      .string()
      .url("must be the dashboard's address, such as https://traguardo.comune.example")
      .default("http://localhost:4000"),
    // A run that rejects more than this share of the rows it read raises an alert on its source.
    ALERT_REJECTED_SHARE: z.coerce.number().min(0).max(1).default(0.05),
    // A quarterly value whose score is more than this (points of 0-1) from its KPI's trajectory raises an alert.
    ALERT_TRAJECTORY_TOLERANCE: z.coerce.number().min(0).max(1).default(0.5),
    // The administrators an alert is e-mailed to, separated by commas; unset: alerts are only recorded.
    ALERT_EMAILS: z
      .string()
      .optional()
      .transform((list) =>
        (list ?? "")
          .split(",")
          .map((address) => address.trim())
          .filter(Boolean),
      )
      .refine(
        (addresses) => addresses.every((address) => address.length <= 254 && EMAIL_ADDRESS.test(address)),
        "must be e-mail addresses separated by commas, such as ragioneria@comune.milano.it,dg@comune.milano.it",
      ),
    // The Debian Chromium that prints the Relazione to PDF: never a browser downloaded at run time.
    CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  })
  .superRefine((config, ctx) => {
    const keys = ["JWT_SECRET", "JWT_PUBLIC_KEY", "JWT_JWKS_URL"] as const;
    const given = keys.filter((key) => config[key] !== undefined);
    if (given.length > 1) {
      ctx.addIssue({ code: "custom", path: [given[1]], message: `set only one of ${keys.join(", ")}` });
    }
    if (config.PQ_TOLERANCE_DAYS > 0 && config.PQ_DUE_AND_DONE !== "BY_PLANNED_DATE") {
      ctx.addIssue({
        code: "custom",
        path: ["PQ_TOLERANCE_DAYS"],
        message: "applies only with PQ_DUE_AND_DONE=BY_PLANNED_DATE",
      });
    }
    const algorithm = config.JWT_ALGORITHM;
    if (config.JWT_SECRET && algorithm && algorithm !== "HS256") {
      ctx.addIssue({ code: "custom", path: ["JWT_ALGORITHM"], message: "a JWT_SECRET signs with HS256 only" });
    }
    if ((config.JWT_PUBLIC_KEY || config.JWT_JWKS_URL) && (!algorithm || algorithm === "HS256")) {
      ctx.addIssue({
        code: "custom",
        path: ["JWT_ALGORITHM"],
        message: "name the asymmetric algorithm the issuer signs with (e.g. RS256)",
      });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}
