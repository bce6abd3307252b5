import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "PORT must be a number" })
    .int()
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default("file:./data/dev.db"),
  // Cookies are marked Secure in production unless this says otherwise (a LAN without HTTPS).
  COOKIE_SECURE: z
    .enum(["true", "false"], { error: "COOKIE_SECURE must be true or false" })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
  // The demo (README's accounts and passwords, a "bản demo" marker on every page); never on a real site.
  DEMO_MODE: z
    .enum(["true", "false"], { error: "DEMO_MODE must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  // Extra origins allowed to open Socket.IO connections, comma-separated (the app's own is always allowed).
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean)),
  // Prometheus metrics on their own port (bound to METRICS_HOST), or on the app's port behind OPERATOR_TOKEN.
  METRICS_PORT: z.coerce.number({ error: "METRICS_PORT must be a number" }).int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().default("127.0.0.1"),
  OPERATOR_TOKEN: z.string().min(24, "OPERATOR_TOKEN must be at least 24 characters").optional(),
  // Several processes on one PostgreSQL database (docs/decisions/036, 037); checked by /readyz when set.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis://").optional(),
  // Several processes share one Redis: the prefix of this app's keys and channels there (docs/decisions/037).
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,40}$/, "REDIS_KEY_PREFIX: letters, digits, : _ - (at most 40)").default("sanchoi:"),
  // How long a SIGTERM may take to hand every game over before the process exits anyway.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  // The address the server listens on; development defaults to 127.0.0.1, production to every interface.
  HOST: z.string().trim().min(1).optional(),
  // Behind a reverse proxy: take the visitor's address from the last X-Forwarded-For entry (per-address limits).
  TRUST_PROXY: z
    .enum(["true", "false"], { error: "TRUST_PROXY must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  // Origins allowed to frame the display pages (/display/…) in broadcast software, space- or comma-separated.
  FRAME_ANCESTORS: z
    .string()
    .default("")
    .transform((value) => value.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[a-z0-9.*-]+(:\d+)?$/i, "FRAME_ANCESTORS must list origins such as https://studio.example"))),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; on bad values prints every problem in one message and exits. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  return result.data;
}

export class EnvError extends Error {
  name = "EnvError";
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
