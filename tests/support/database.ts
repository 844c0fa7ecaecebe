import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/server/db/client";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { applyMigrations } from "@/server/db/migrate";
import { provisionRuntimeLogin } from "@/server/db/roles";
import { loadAssessmentTemplates } from "@/server/db/templates";

/**
 * A database of its own for one integration-test file.
 *
 * With DATABASE_URL (a PostgreSQL server): a new database `tillit_t_<random>` on that
 * server, owned by the DATABASE_URL user, dropped on close. Without it: an in-memory
 * embedded PostgreSQL (PGlite), stopped on close. Either way the project's migrations are
 * applied unless `migrate: false`.
 *
 * Two clients, as in production (README, "Database roles"): `prisma` is the app's, logged
 * in as a runtime login of this database's own (`tillit_t_<random>_runtime`: NOINHERIT,
 * member of tillit_app only; dropped on close), so every test of the app runs with the
 * runtime role's rights; `owner` is the schema owner's, for fixtures the app itself may
 * not write (accounts, organisations, catalogue rows of no organisation). On the embedded
 * database both are its one superuser session (PGlite has no other login).
 *
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await createTestDatabase(); });
 *   afterAll(() => db.close());
 */
export interface TestDatabase {
  /** The schema owner's URL. */
  url: string;
  /** The app's runtime login's URL (the owner's with `migrate: false` or on the embedded database). */
  appUrl: string;
  /** The app's client, as the runtime login. Created on first use; disconnected by close(). */
  readonly prisma: PrismaClient;
  /** The schema owner's client, for fixtures. Created on first use; disconnected by close(). */
  readonly owner: PrismaClient;
  close(): Promise<void>;
}

const owners = new WeakMap<PrismaClient, () => PrismaClient>();

/**
 * The schema owner's client of the test database that `prisma` (a TestDatabase's app
 * client) belongs to: for fixture helpers that are handed the app's client.
 */
export function ownerClientOf(prisma: PrismaClient): PrismaClient {
  const owner = owners.get(prisma);
  if (!owner) throw new Error("not the app client of a test database (createTestDatabase)");
  return owner();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createServerDatabase(serverUrl) : await createEmbeddedDatabase();
  let appUrl = database.url;
  if (options.migrate ?? true) {
    try {
      await applyMigrations({ connectionString: database.url });
      await loadAssessmentTemplates({ connectionString: database.url });
      if (database.runtimeLogin) {
        appUrl = await provisionRuntimeLogin(database.url, {
          login: database.runtimeLogin,
          password: randomBytes(24).toString("base64url"),
        });
      }
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return withPrisma(database, appUrl);
}

interface Database {
  url: string;
  /** The name for this database's runtime login, or null where there is no other login (PGlite). */
  runtimeLogin: string | null;
  drop(): Promise<void>;
}

async function createServerDatabase(serverUrl: string): Promise<Database> {
  const name = `tillit_t_${randomBytes(6).toString("hex")}`;
  const runtimeLogin = `${name}_runtime`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    runtimeLogin,
    drop: () =>
      withAdminClient(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS "${runtimeLogin}"`);
      }),
  };
}

async function createEmbeddedDatabase(): Promise<Database> {
  const embedded = await startEmbeddedPostgres({});
  return { url: embedded.url, runtimeLogin: null, drop: () => embedded.stop() };
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

function withPrisma(database: Database, appUrl: string): TestDatabase {
  let prisma: PrismaClient | undefined;
  let owner: PrismaClient | undefined;
  let closed = false;
  const ownerClient = () => {
    if (closed) throw new Error("this test database is closed");
    owner ??= appUrl === database.url ? appClient() : createPrismaClient(database.url);
    return owner;
  };
  const appClient = () => {
    if (closed) throw new Error("this test database is closed");
    if (!prisma) {
      prisma = createPrismaClient(appUrl);
      owners.set(prisma, ownerClient);
    }
    return prisma;
  };
  return {
    url: database.url,
    appUrl,
    get prisma() {
      return appClient();
    },
    get owner() {
      return ownerClient();
    },
    async close() {
      if (closed) return;
      closed = true;
      await prisma?.$disconnect();
      if (owner !== prisma) await owner?.$disconnect();
      await database.drop();
    },
  };
}
