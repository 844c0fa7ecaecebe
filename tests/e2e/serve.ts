/**
 * Serves the built app for Playwright on a fresh database with demo data:
 * a new database on the server in DATABASE_URL when one is given (dropped afterwards),
 * else a new embedded database in a temporary folder. Either way through `npm start`'s
 * own path: the new database's owner migrates and seeds it, and the app runs as the
 * runtime login `tillit_runtime` that the start script sets up (README, "Database roles").
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
const adminUrl = process.env.DATABASE_URL;
const databaseName = `tillit_e2e_${process.pid}_${Date.now()}`;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, HOSTNAME: "127.0.0.1", SEED_DEMO_DATA: "always", NODE_ENV: "production" };
  let cleanup: () => Promise<void>;
  if (adminUrl) {
    await withAdmin((client) => client.query(`CREATE DATABASE "${databaseName}"`));
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    // The owner only: the start script creates the runtime login and serves the app with it.
    env.MIGRATION_DATABASE_URL = url.toString();
    delete env.DATABASE_URL;
    cleanup = () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).then(() => undefined);
  } else {
    const dir = mkdtempSync(join(tmpdir(), "tillit-e2e-"));
    delete env.DATABASE_URL;
    delete env.MIGRATION_DATABASE_URL;
    env.EMBEDDED_DATABASE_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  env.NEXTAUTH_SECRET ??= "e2e-secret-that-is-long-enough-for-tests-only";
  env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;

  const child = spawn(process.execPath, ["--import", "tsx", "server/db/cli/start.ts"], { env, stdio: "inherit" });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const code = await new Promise<number>((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  await cleanup().catch((error: unknown) => console.error("e2e: cleanup failed:", error));
  process.exit(code);
}

void main();
