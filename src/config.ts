import { z } from "zod";

/**
 * The one place the environment is read. Validated at start so that a bad variable stops the
 * process with its name, instead of failing later somewhere less obvious.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\//, "must start with mysql:// or mariadb:// (leave it unset for the embedded SQLite file)")
    .optional(),
  SQLITE_PATH: z.string().min(1).default("var/traguardo.sqlite"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_ISSUER: z.string().min(1).default("traguardo"),
  JWT_AUDIENCE: z.string().min(1).default("traguardo-api"),
  GRAPHQL_EXPLORER: z.enum(["on", "off"]).default("on"),
  GRAPHQL_INTROSPECTION: z.enum(["on", "off"]).default("on"),
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
