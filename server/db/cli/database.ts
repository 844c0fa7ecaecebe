/**
 * The database steps shared by the command-line entry points (`npm start`, `npm run db:migrate`,
 * `npm run db:seed`): open DATABASE_URL or the embedded PostgreSQL, check that it answers,
 * migrate, seed. Every failure is one line on stderr and exit code 1.
 */
import { resolve } from "node:path";
import pg from "pg";
import type { Env } from "../../env";
import { createPrismaClient } from "../client";
import { startEmbeddedPostgres } from "../embedded";
import { describeDatabaseError } from "../errors";
import { applyMigrations } from "../migrate";
import { loadAssessmentTemplates } from "../templates";
import { formatDemoSignIns, seedDemoData } from "../seed/demo";

const CONNECT_TIMEOUT_MS = 5_000;

export interface OpenDatabase {
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

/** DATABASE_URL when set, else the embedded PostgreSQL with its data in EMBEDDED_DATABASE_DIR. */
export async function openDatabase(env: Env): Promise<OpenDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embeddedDataDir: null, stop: async () => undefined };
  }
  const dataDir = resolve(env.EMBEDDED_DATABASE_DIR);
  try {
    const embedded = await startEmbeddedPostgres({ dataDir });
    return { url: embedded.url, embeddedDataDir: dataDir, stop: () => embedded.stop() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return exitWithError(`the embedded PostgreSQL in ${dataDir} did not start: ${reason}`);
  }
}

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

