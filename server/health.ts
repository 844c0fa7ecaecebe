import pg from "pg";
import { migrationStatus } from "./db/migrate";
import { APP_ROLE } from "./db/scope";

export interface HealthReport {
  status: "ok" | "unavailable";
  checks: {
    app: { ok: true };
    database: { ok: boolean; problem?: string };
    migrations: {
      ok: boolean;
      pending: string[];
      modified: string[];
      failed: string[];
      /** Applied here but unknown to this version of the app: the database is ahead of the code. */
      notInFolder: string[];
      problem?: string;
    };
  };
}

const DATABASE_TIMEOUT_MS = 3_000;

/** Is the app able to serve? The database answers and every migration is applied unchanged. */
export async function checkHealth(connectionString: string | undefined): Promise<HealthReport> {
  const database = await checkDatabase(connectionString);
  const migrations = database.ok && connectionString
    ? await checkMigrations(connectionString)
    : { ok: false, pending: [], modified: [], failed: [], notInFolder: [], problem: "database unreachable" };
  return {
    status: database.ok && migrations.ok ? "ok" : "unavailable",
    checks: { app: { ok: true }, database, migrations },
  };
}

async function checkDatabase(connectionString: string | undefined): Promise<HealthReport["checks"]["database"]> {
  if (!connectionString) return { ok: false, problem: "DATABASE_URL is not set" };
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: DATABASE_TIMEOUT_MS,
    query_timeout: DATABASE_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : "unknown error" };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkMigrations(connectionString: string): Promise<HealthReport["checks"]["migrations"]> {
  try {
    // The app's runtime login reads the history as tillit_app, like everything else.
    const status = await migrationStatus({ connectionString, readAs: APP_ROLE });
    const { pending, modified, failed, notInFolder } = status;
    const ok = [pending, modified, failed, notInFolder].every((list) => list.length === 0);
    return { ok, pending, modified, failed, notInFolder };
  } catch (error) {
    return {
      ok: false,
      pending: [],
      modified: [],
      failed: [],
      notInFolder: [],
      problem: error instanceof Error ? error.message : "unknown error",
    };
  }
}
