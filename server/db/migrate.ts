import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies Prisma's migration folders (`prisma/migrations/<name>/migration.sql`) without
 * Prisma's native schema engine, and records them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so that Prisma on a networked machine agrees with what
 * was applied here.
 *
 * Unlike Prisma, each migration runs in one transaction together with its record: a
 * failing migration leaves neither a half-applied schema nor a failed row behind. So a
 * migration must not contain transaction control (BEGIN/COMMIT) or statements that
 * PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM).
 */

export interface MigrationOptions {
  connectionString: string;
  /** Defaults to `<repo>/prisma/migrations`. */
  migrationsDir?: string;
  log?: (line: string) => void;
  /** How long to wait for another runner to finish; default 60 s. */
  lockTimeoutMs?: number;
}

export interface MigrationStatusOptions extends MigrationOptions {
  /**
   * Read the history as this role when it exists and the login may become it: the app's
   * runtime login holds no privilege of its own (README, "Database roles").
   */
  readAs?: string;
}

export interface MigrationStatus {
  /** Folder migrations recorded as finished (in folder order). */
  applied: string[];
  /** Folder migrations not recorded yet. */
  pending: string[];
  /** Applied migrations whose migration.sql changed since. */
  modified: string[];
  /** Recorded as started but neither finished nor rolled back. */
  failed: string[];
  /** Recorded in the database but absent from the folder. */
  notInFolder: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

const MIGRATIONS_TABLE = "_prisma_migrations";

/** Prisma's own advisory lock key, so our runner and `prisma migrate deploy` also exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;
const LOCK_POLL_MS = 200;
const DEFAULT_LOCK_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 10_000;

/** Prisma's definition, verbatim (prisma-engines, sql-schema-connector, flavour/postgres.rs). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationFile {
  name: string;
  sql: string;
}

interface MigrationRecord {
  id: string;
  migrationName: string;
  checksum: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
}

// ---------------------------------------------------------------------------
// Checksums, as prisma-engines' schema-connector/src/checksum.rs computes them
// ---------------------------------------------------------------------------

/** SHA-256 of the script as read (UTF-8), lower-case hex: what Prisma writes to `checksum`. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Prisma's comparison: the script matches when its checksum, or that of the script with
 * CRLF turned into LF, or with LF turned into CRLF, equals the recorded one. Old Prisma
 * versions recorded hex without zero-padding; such 63-or-fewer-character checksums are
 * compared in that format.
 */
export function checksumMatches(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => formatForComparison(variant, recorded) === recorded);
}

function formatForComparison(script: string, recorded: string): string {
  const digest = createHash("sha256").update(script, "utf8").digest();
  const legacyUnpadded = recorded.length > 0 && recorded.length !== 64;
  return legacyUnpadded ? [...digest].map((byte) => byte.toString(16)).join("") : digest.toString("hex");
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Applies every pending migration, in folder order, each in its own transaction. */
export async function applyMigrations(options: MigrationOptions): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => undefined);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const files = await readMigrationFolder(migrationsDir);
  return withClient(options.connectionString, async (client) => {
    await acquireLock(client, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    try {
      await ensureMigrationsTable(client);
      const records = activeRecords(await readRecords(client));
      assertHistoryIsSound(files, records, migrationsDir);
      const applied: string[] = [];
      for (const file of pendingMigrations(files, records)) {
        if (await applyMigration(client, file)) {
          applied.push(file.name);
          log(`Applied migration ${file.name}`);
        }
      }
      return { applied };
    } finally {
      await releaseLock(client);
    }
  });
}

/** What `applyMigrations` would do, without changing anything. */
export async function migrationStatus(options: MigrationStatusOptions): Promise<MigrationStatus> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const files = await readMigrationFolder(migrationsDir);
  const records = await withClient(options.connectionString, async (client) => {
    if (options.readAs) {
      await client.query(
        `SELECT set_config('role', r.rolname, false) FROM pg_roles r
         WHERE r.rolname = $1 AND pg_has_role(current_user, r.oid, 'MEMBER')`,
        [options.readAs],
      );
    }
    return (await migrationsTableExists(client)) ? activeRecords(await readRecords(client)) : [];
  });
  const finished = new Map(records.filter((r) => r.finishedAt).map((r) => [r.migrationName, r]));
  const folderNames = new Set(files.map((file) => file.name));
  return {
    applied: files.filter((file) => finished.has(file.name)).map((file) => file.name),
    pending: pendingMigrations(files, records).map((file) => file.name),
    modified: modifiedMigrations(files, finished).map((file) => file.name),
    failed: unfinishedRecords(records).map((record) => record.migrationName),
    notInFolder: unique(records.map((r) => r.migrationName).filter((name) => !folderNames.has(name))),
  };
}

// ---------------------------------------------------------------------------
// The migrations folder
// ---------------------------------------------------------------------------

/**
 * `<repo>/prisma/migrations`, found next to this module or else under the working
 * directory (a bundled server no longer sits next to the source).
 */
/**
 * `prisma/migrations` under the working directory: every entry point (npm scripts, the
 * Next server, the tests) runs from the repository root. Resolved at run time, so that
 * bundlers do not try to trace the folder.
 */
export function defaultMigrationsDir(): string {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

/** Each subfolder, in lexical order, with its migration.sql; files (migration_lock.toml) are ignored. */
async function readMigrationFolder(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: unknown) => {
    throw new MigrationError(`Cannot read the migrations folder ${migrationsDir} (${errorCode(error)}).`);
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareCodePoints);
  return Promise.all(names.map((name) => readMigrationFile(migrationsDir, name)));
}

async function readMigrationFile(migrationsDir: string, name: string): Promise<MigrationFile> {
  const file = path.join(migrationsDir, name, "migration.sql");
  try {
    return { name, sql: await readFile(file, "utf8") };
  } catch (error) {
    throw new MigrationError(`Migration ${name} has no readable migration.sql (${errorCode(error)}).`);
  }
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------------------
// The history in _prisma_migrations
// ---------------------------------------------------------------------------

async function migrationsTableExists(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>(
    "SELECT to_regclass($1) IS NOT NULL AS exists",
    [MIGRATIONS_TABLE],
  );
  return result.rows[0]?.exists === true;
}

/** Like Prisma: create the table in an empty schema; refuse a schema that has tables but no history. */
async function ensureMigrationsTable(client: pg.ClientBase): Promise<void> {
  if (await migrationsTableExists(client)) return;
  const tables = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname LIMIT 3`,
  );
  if (tables.rows.length > 0) {
    const examples = tables.rows.map((row) => `"${row.relname}"`).join(", ");
    throw new MigrationError(
      `The database already has tables (${examples}) but no ${MIGRATIONS_TABLE}; refusing to migrate a database whose history is unknown. Use an empty database.`,
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE);
}

async function readRecords(client: pg.ClientBase): Promise<MigrationRecord[]> {
  const result = await client.query<{
    id: string;
    migration_name: string;
    checksum: string;
    started_at: Date;
    finished_at: Date | null;
    rolled_back_at: Date | null;
  }>(
    `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at
     FROM ${MIGRATIONS_TABLE} ORDER BY started_at, migration_name`,
  );
  return result.rows.map((row) => ({
    id: row.id,
    migrationName: row.migration_name,
    checksum: row.checksum,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
  }));
}

/** Rows marked rolled back do not count, as in `prisma migrate deploy`. */
function activeRecords(records: MigrationRecord[]): MigrationRecord[] {
  return records.filter((record) => record.rolledBackAt === null);
}

function unfinishedRecords(records: MigrationRecord[]): MigrationRecord[] {
  return records.filter((record) => record.finishedAt === null);
}

function pendingMigrations(files: MigrationFile[], records: MigrationRecord[]): MigrationFile[] {
  const recorded = new Set(records.map((record) => record.migrationName));
  return files.filter((file) => !recorded.has(file.name));
}

function modifiedMigrations(files: MigrationFile[], finished: Map<string, MigrationRecord>): MigrationFile[] {
  return files.filter((file) => {
    const record = finished.get(file.name);
    return record !== undefined && !checksumMatches(file.sql, record.checksum);
  });
}

/** Every reason not to touch the database, all in one message. */
function assertHistoryIsSound(files: MigrationFile[], records: MigrationRecord[], migrationsDir: string): void {
  const finished = new Map(records.filter((r) => r.finishedAt).map((r) => [r.migrationName, r]));
  const folderNames = new Set(files.map((file) => file.name));
  const problems = [
    ...unfinishedRecords(records).map(
      (record) =>
        `Migration ${record.migrationName} was started at ${record.startedAt.toISOString()} but never finished; repair the database by hand, then set rolled_back_at on its row in ${MIGRATIONS_TABLE}.`,
    ),
    ...modifiedMigrations(files, finished).map(
      (file) =>
        `Migration ${file.name} was changed after it was applied (checksum differs); restore the file or write a new migration.`,
    ),
    ...unique(records.map((r) => r.migrationName).filter((name) => !folderNames.has(name))).map(
      (name) =>
        `Migration ${name} is recorded in the database but missing from ${migrationsDir}; restore it, or run a version of the code that has it.`,
    ),
  ];
  if (problems.length > 0) throw new MigrationError(problems.join(" "));
}

// ---------------------------------------------------------------------------
// Applying one migration
// ---------------------------------------------------------------------------

/**
 * The script and its record commit together. Returns false when another runner applied
 * it meanwhile: on the embedded PGlite every connection shares one session, so the
 * advisory lock cannot exclude a second runner there, but its transactions are serial,
 * so this check inside the transaction can.
 */
async function applyMigration(client: pg.ClientBase, file: MigrationFile): Promise<boolean> {
  await client.query("BEGIN");
  try {
    if (await isRecorded(client, file.name)) {
      await client.query("ROLLBACK");
      return false;
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO ${MIGRATIONS_TABLE} (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, clock_timestamp())`,
      [id, migrationChecksum(file.sql), file.name],
    );
    await runScript(client, file);
    await client.query(
      `UPDATE ${MIGRATIONS_TABLE} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function isRecorded(client: pg.ClientBase, name: string): Promise<boolean> {
  const result = await client.query(
    `SELECT 1 FROM ${MIGRATIONS_TABLE} WHERE migration_name = $1 AND rolled_back_at IS NULL`,
    [name],
  );
  return result.rows.length > 0;
}

/** Sent as one simple-protocol query, as Prisma does, so the file may hold many statements. */
async function runScript(client: pg.ClientBase, file: MigrationFile): Promise<void> {
  try {
    await client.query(file.sql);
  } catch (error) {
    throw new MigrationError(
      `Migration ${file.name} failed${lineOfError(file.sql, error)}: ${describeSqlError(error)}. Nothing of it was applied or recorded.`,
    );
  }
}

function lineOfError(sql: string, error: unknown): string {
  const position = Number(error instanceof Error && "position" in error ? error.position : NaN);
  if (!Number.isInteger(position) || position < 1) return "";
  const line = sql.slice(0, position - 1).split("\n").length;
  return ` at line ${line}`;
}

function describeSqlError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = "code" in error && typeof error.code === "string" ? ` (SQLSTATE ${error.code})` : "";
  return `${error.message}${code}`;
}

// ---------------------------------------------------------------------------
// Connection and lock
// ---------------------------------------------------------------------------

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A dropped connection must surface as a failed query, not as an unhandled 'error' event.
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A session lock held on this one client for the whole run; polled so that a stuck holder times out. */
async function acquireLock(client: pg.ClientBase, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      PRISMA_MIGRATE_LOCK_KEY,
    ]);
    if (result.rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        `Another migration run has held the migration lock for over ${Math.round(timeoutMs / 1000)} s; try again when it has finished.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

async function releaseLock(client: pg.ClientBase): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
}

// ---------------------------------------------------------------------------

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function errorCode(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}
