import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { applyMigrations } from "@/server/db/migrate";
import { loadAssessmentTemplates } from "@/server/db/templates";

/**
 * A database of its own for one integration-test file.
 *
 * With DATABASE_URL (a PostgreSQL server): a new database `tillit_t_<random>` on that
 * server, with the same credentials, dropped on close. Without it: an in-memory embedded
 * PostgreSQL (PGlite), stopped on close. Either way the project's migrations are applied
 * unless `migrate: false`.
 *
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await createTestDatabase(); });
 *   afterAll(() => db.close());
 */
export interface TestDatabase {
  url: string;
  /** Created on first use; disconnected by close(). */
  readonly prisma: PrismaClient;
  close(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createServerDatabase(serverUrl) : await createEmbeddedDatabase();
  if (options.migrate ?? true) {
    try {
      await applyMigrations({ connectionString: database.url });
      await loadAssessmentTemplates({ connectionString: database.url });
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return withPrisma(database);
}

interface Database {
  url: string;
  drop(): Promise<void>;
}

async function createServerDatabase(serverUrl: string): Promise<Database> {
  const name = `tillit_t_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function createEmbeddedDatabase(): Promise<Database> {
  const embedded = await startEmbeddedPostgres({});
  return { url: embedded.url, drop: () => embedded.stop() };
}

async function withAdminClient(serverUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function withPrisma(database: Database): TestDatabase {
  let prisma: PrismaClient | undefined;
  let closed = false;
  return {
    url: database.url,
    get prisma() {
      if (closed) throw new Error("this test database is closed");
      prisma ??= createPrismaClient(database.url);
      return prisma;
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma?.$disconnect();
      await database.drop();
    },
  };
}
