/**
 * The database steps shared by the command-line entry points (`npm start`, `npm run db:migrate`,
 * `npm run db:seed`): open the schema owner's database (MIGRATION_DATABASE_URL, else
 * DATABASE_URL, else the embedded PostgreSQL), check that it answers, migrate, seed; and for
 * `npm start`, the runtime login the app connects as (../roles.ts). Every failure is one line
 * on stderr and exit code 1.
 */
import { resolve } from "node:path";
import pg from "pg";
import type { Env } from "../../env";
import { createPrismaClient } from "../client";
import { startEmbeddedPostgres } from "../embedded";
import { describeDatabaseError } from "../errors";
import { applyMigrations } from "../migrate";
import { assertSafeRuntimeLogin, provisionRuntimeLogin, RUNTIME_LOGIN, runtimePassword } from "../roles";
import { loadAssessmentTemplates } from "../templates";
import { formatDemoSignIns, seedDemoData } from "../seed/demo";

const CONNECT_TIMEOUT_MS = 5_000;

export interface OpenDatabase {
  /** The schema owner's URL (or, from openRuntimeDatabase, the runtime login's). */
  url: string;
  /** The embedded database's data directory, or null for a DATABASE_URL server. */
  embeddedDataDir: string | null;
  stop(): Promise<void>;
}

/** Prints one line on stderr, stops the database if one is open, and exits with code 1. */
export async function exitWithError(message: string, database?: OpenDatabase): Promise<never> {
  console.error(`tillit: ${message.replace(/\s*\n\s*/g, " ")}`);
  await database?.stop().catch(() => undefined);
  process.exit(1);
}

/** The schema owner's URL: MIGRATION_DATABASE_URL, else DATABASE_URL (then taken as the owner's). */
export function ownerDatabaseUrl(env: Env): string | undefined {
  return env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
}

/**
 * The schema owner's database: MIGRATION_DATABASE_URL or DATABASE_URL when set, else the
 * embedded PostgreSQL with its data in EMBEDDED_DATABASE_DIR (as its superuser).
 */
export async function openDatabase(env: Env): Promise<OpenDatabase> {
  const ownerUrl = ownerDatabaseUrl(env);
  if (ownerUrl) {
    return { url: ownerUrl, embeddedDataDir: null, stop: async () => undefined };
  }
  return startEmbedded(resolve(env.EMBEDDED_DATABASE_DIR));
}

async function startEmbedded(dataDir: string, username?: string): Promise<OpenDatabase> {
  try {
    const embedded = await startEmbeddedPostgres({ dataDir, username });
    return { url: embedded.url, embeddedDataDir: dataDir, stop: () => embedded.stop() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return exitWithError(`the embedded PostgreSQL in ${dataDir} did not start: ${reason}`);
  }
}

/**
 * The database as the app's runtime login, after prepareDatabase:
 * - DATABASE_URL and MIGRATION_DATABASE_URL both set: DATABASE_URL is the runtime login;
 *   it is checked, never changed.
 * - only one of them: that is the owner, who creates (or repairs) the login `tillit_runtime`
 *   with a password derived from the owner's (../roles.ts) and the app uses it.
 * - the embedded database: `tillit_runtime` likewise, and the embedded database is restarted
 *   with its one shared session running as it (PGlite cannot log in as anyone but its
 *   superuser, so there `RESET ROLE` still returns to the superuser: README, "Database roles").
 * Either way the login is refused if it could undo the isolation. Exits with one line on failure.
 */
export async function openRuntimeDatabase(database: OpenDatabase, env: Env): Promise<OpenDatabase> {
  let checkedUrl = database.url;
  let variable = `the runtime login ${RUNTIME_LOGIN}`;
  try {
    if (database.embeddedDataDir) {
      await provisionRuntimeLogin(database.url, { password: null });
      await database.stop();
      const runtime = await startEmbedded(database.embeddedDataDir, RUNTIME_LOGIN);
      checkedUrl = runtime.url;
      await assertSafeRuntimeLogin(runtime.url, variable).catch(async (error: unknown) => {
        await runtime.stop();
        throw error;
      });
      return runtime;
    }
    if (env.DATABASE_URL && env.MIGRATION_DATABASE_URL) {
      checkedUrl = env.DATABASE_URL;
      variable = "DATABASE_URL";
      await assertSafeRuntimeLogin(env.DATABASE_URL, variable);
      return { ...database, url: env.DATABASE_URL };
    }
    const runtimeUrl = await provisionRuntimeLogin(database.url, { password: runtimePassword(database.url) });
    checkedUrl = runtimeUrl;
    await assertSafeRuntimeLogin(runtimeUrl, variable);
    return { ...database, url: runtimeUrl };
  } catch (error) {
    const message = error instanceof Error && error.name === "RuntimeRoleError" ? error.message : describeDatabaseError(error, checkedUrl);
    return exitWithError(`${message}${database.embeddedDataDir || env.MIGRATION_DATABASE_URL ? "" : hintForOwnerOnly}`, database);
  }
}

const hintForOwnerOnly =
  ` (setting up ${RUNTIME_LOGIN} needs an owner with CREATEROLE; or create the runtime login yourself and set DATABASE_URL to it and MIGRATION_DATABASE_URL to the owner)`;

export function describeDatabase(database: OpenDatabase): string {
  if (database.embeddedDataDir) return `embedded PostgreSQL, data in ${database.embeddedDataDir}`;
  const url = new URL(database.url);
  return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A dropped connection is also emitted as an event; the awaited calls report it already.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Checks that the database answers, applies pending migrations and seeds the demo data
 * as `seed` says (`auto`: only into a database without organisations). Exits with one
 * line when any of it fails.
 */
export async function prepareDatabase(database: OpenDatabase, seed: Env["SEED_DEMO_DATA"]): Promise<void> {
  console.log(`tillit: database: ${describeDatabase(database)}`);
  try {
    await checkReachable(database.url);
    const { applied } = await applyMigrations({ connectionString: database.url });
    console.log(`tillit: migrations: ${applied.length === 0 ? "up to date" : `applied ${applied.join(", ")}`}`);
    const { loaded } = await loadAssessmentTemplates({ connectionString: database.url });
    if (loaded.length > 0) console.log(`tillit: assessment templates: loaded ${loaded.join(", ")}`);
    await seedAsConfigured(database.url, seed);
  } catch (error) {
    await exitWithError(describeDatabaseError(error, database.url), database);
  }
}

async function seedAsConfigured(url: string, seed: Env["SEED_DEMO_DATA"]): Promise<void> {
  if (seed === "never") return;
  const prisma = createPrismaClient(url, { max: 2 });
  try {
    if (seed === "auto" && (await prisma.organisation.count()) > 0) {
      console.log("tillit: demo data: not loaded (the database already has organisations)");
      return;
    }
    const summary = await seedDemoData(prisma);
    const outcome = summary.changes === 0 ? "already in place" : `${summary.changes} records created or updated`;
    console.log(`tillit: demo data: ${outcome}\n\n${formatDemoSignIns(summary)}\n`);
  } finally {
    await prisma.$disconnect();
  }
}

