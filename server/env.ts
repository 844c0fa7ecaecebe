import { z } from "zod";

/**
 * Every setting Tillit reads from the environment, validated once.
 * The README's configuration table lists the same variables.
 */
const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a postgresql://user@host:port/database URL");

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const smtpUrl = z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.se:587" });

/** OpenID Connect sign-in needs all three; without any of them it is off. */
export const OIDC_REQUIRED_VARIABLES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** The app's runtime login; alone (without MIGRATION_DATABASE_URL) it is taken as the schema owner's. */
  DATABASE_URL: optionalString.pipe(postgresUrl.optional()),
  /** The schema owner, for migrations and the demo seed (README, "Database roles"). */
  MIGRATION_DATABASE_URL: optionalString.pipe(postgresUrl.optional()),
  EMBEDDED_DATABASE_DIR: z.string().min(1).default(".data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("localhost"),
  NEXTAUTH_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  SEED_DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * How many reverse proxies of our own stand in front of the app, each appending to
   * X-Forwarded-For (server/http/client-address.ts). 0: the client is whoever holds the
   * TCP connection, and X-Forwarded-For is ignored.
   */
  TRUSTED_PROXIES: z.coerce
    .number({ error: "must be a whole number of proxies (0 when clients connect directly)" })
    .int("must be a whole number of proxies (0 when clients connect directly)")
    .min(0, "must be 0 or more")
    .max(5, "must be at most 5")
    .default(0),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive("must be a positive number of hours").max(720, "must be at most 720 (30 days)").default(8),
  OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be the issuer's http(s) URL" }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString.pipe(z.string().max(80, "must be at most 80 characters").default("Inloggning med e-legitimation")),
  /**
   * Accept the issuer's email claim without `email_verified: true`. Only for issuers whose
   * addresses come from the organisation's own directory (e.g. Entra ID, which does not send
   * the claim); an issuer that lets people type their address must never be trusted so.
   */
  OIDC_TRUST_EMAIL: z.enum(["true", "false"], "must be true or false").default("false").transform((value) => value === "true"),
  SMTP_URL: optionalString.pipe(smtpUrl.optional()),
  MAIL_FROM: optionalString.pipe(z.string().max(200, "must be at most 200 characters").default("Tillit <no-reply@tillit.local>")),
}).superRefine((env, context) => {
  const missing = OIDC_REQUIRED_VARIABLES.filter((variable) => env[variable] === undefined);
  if (missing.length === 0 || missing.length === OIDC_REQUIRED_VARIABLES.length) return;
  for (const variable of missing) {
    context.addIssue({
      code: "custom",
      path: [variable],
      message: `is required when any of ${OIDC_REQUIRED_VARIABLES.join(", ")} is set (set all three, or none)`,
    });
  }
});

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration: ${problems.map((p) => `${p.variable} ${p.message}`).join("; ")}`,
    );
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new InvalidEnvironmentError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "environment"),
        message: issue.message,
      })),
    );
  }
  if (result.data.NODE_ENV === "production" && !result.data.NEXTAUTH_SECRET && process.env.NEXT_PHASE !== "phase-production-build") {
    // Sessions are signed with this secret; a production server must not invent one.
    throw new InvalidEnvironmentError([
      { variable: "NEXTAUTH_SECRET", message: "is required when NODE_ENV=production" },
    ]);
  }
  return result.data;
}

/** For command-line entry points: one clear line and a non-zero exit, never a stack trace. */
export function parseEnvOrExit(source: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(`tillit: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

let cached: Env | undefined;
/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
