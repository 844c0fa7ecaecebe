import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  applyMigrations,
  checksumMatches,
  defaultMigrationsDir,
  MigrationError,
  migrationStatus,
} from "@/server/db/migrate";
import { createTestDatabase, type TestDatabase } from "../../support/database";

const realMigrationsDir = defaultMigrationsDir();
const realMigrationNames = readdirSync(realMigrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const history = (url: string) =>
  query<HistoryRow>(url, "SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name");

const tableExists = async (url: string, table: string) =>
  (await query<{ found: boolean }>(url, "SELECT to_regclass($1) IS NOT NULL AS found", [`"${table}"`]))[0]?.found;

/** A scratch copy of prisma/migrations that a test may edit. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tillit-migrations-"));
  cpSync(realMigrationsDir, dir, { recursive: true });
  return dir;
}

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const initName = realMigrationNames[0] ?? "";
const initFile = (dir: string) => path.join(dir, initName, "migration.sql");

describe("applyMigrations on an empty database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db?.close());

  it("applies every migration in order and records it as Prisma does", async () => {
    const logged: string[] = [];
    const result = await applyMigrations({ connectionString: db.url, log: (line) => logged.push(line) });

    expect(result.applied).toEqual(realMigrationNames);
    expect(logged).toEqual(realMigrationNames.map((name) => `Applied migration ${name}`));
    const rows = await history(db.url);
    expect(rows.map((row) => row.migration_name)).toEqual(realMigrationNames);
    for (const row of rows) {
      const script = readFileSync(path.join(realMigrationsDir, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(sha256(script));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await tableExists(db.url, "Organisation")).toBe(true);
  });

  it("creates _prisma_migrations with Prisma's exact definition", async () => {
    const columns = await query(
      db.url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
    ]);
    const primaryKey = await query(
      db.url,
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'`,
    );
    expect(primaryKey).toEqual([{ conname: "_prisma_migrations_pkey", definition: "PRIMARY KEY (id)" }]);
  });

  it("applies nothing on a second run", async () => {
    const before = await history(db.url);
    expect(await applyMigrations({ connectionString: db.url })).toEqual({ applied: [] });
    expect(await history(db.url)).toEqual(before);
    expect(await migrationStatus({ connectionString: db.url })).toEqual({
      applied: realMigrationNames,
      pending: [],
      modified: [],
      failed: [],
      notInFolder: [],
    });
  });
});

describe("applyMigrations against a history that changed", () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());
  beforeEach(() => {
    dir = copyOfMigrations();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("ignores migration_lock.toml and stray files, and applies a new migration next", async () => {
    writeFileSync(path.join(dir, "README.md"), "not a migration");
    writeMigration(dir, "29990101000000_add_note", 'ALTER TABLE "Organisation" ADD COLUMN "note" TEXT;\n');

    const status = await migrationStatus({ connectionString: db.url, migrationsDir: dir });
    expect(status.pending).toEqual(["29990101000000_add_note"]);
    expect(status.applied).toEqual(realMigrationNames);

    expect(await applyMigrations({ connectionString: db.url, migrationsDir: dir })).toEqual({
      applied: ["29990101000000_add_note"],
    });
    const columns = await query(db.url, `SELECT 1 FROM information_schema.columns WHERE table_name = 'Organisation' AND column_name = 'note'`);
    expect(columns).toHaveLength(1);
    expect((await history(db.url)).map((row) => row.migration_name)).toEqual([
      ...realMigrationNames,
      "29990101000000_add_note",
    ]);
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    writeMigration(dir, "29990101000000_add_note", 'ALTER TABLE "Organisation" ADD COLUMN "note" TEXT;\n');
    writeMigration(
      dir,
      "29990102000000_broken",
      'CREATE TABLE "Broken" ("id" INTEGER);\n\nINSERT INTO "Broken" SELECT "id" FROM "NoSuchTable";\n',
    );
    const before = await history(db.url);

    const failure = applyMigrations({ connectionString: db.url, migrationsDir: dir });
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toThrow(
      /^Migration 29990102000000_broken failed at line 3: relation "NoSuchTable" does not exist \(SQLSTATE 42P01\)/,
    );

    expect(await tableExists(db.url, "Broken")).toBe(false);
    expect(await history(db.url)).toEqual(before);
    expect((await migrationStatus({ connectionString: db.url, migrationsDir: dir })).pending).toEqual([
      "29990102000000_broken",
    ]);
  });

  it("refuses, changing nothing, when an applied migration was edited", async () => {
    writeMigration(dir, "29990101000000_add_note", 'ALTER TABLE "Organisation" ADD COLUMN "note" TEXT;\n');
    writeFileSync(initFile(dir), `${readFileSync(initFile(dir), "utf8")}\n-- an afterthought\n`);
    writeMigration(dir, "29990103000000_next", 'CREATE TABLE "Next" ("id" INTEGER);\n');
    const before = await history(db.url);

    await expect(applyMigrations({ connectionString: db.url, migrationsDir: dir })).rejects.toThrow(
      new MigrationError(
        `Migration ${initName} was changed after it was applied (checksum differs); restore the file or write a new migration.`,
      ),
    );
    expect(await tableExists(db.url, "Next")).toBe(false);
    expect(await history(db.url)).toEqual(before);
    const status = await migrationStatus({ connectionString: db.url, migrationsDir: dir });
    expect(status.modified).toEqual([initName]);
    expect(status.pending).toEqual(["29990103000000_next"]);
  });

  it("accepts a migration whose line endings alone changed (git on Windows), as Prisma does", async () => {
    writeMigration(dir, "29990101000000_add_note", 'ALTER TABLE "Organisation" ADD COLUMN "note" TEXT;\n');
    writeFileSync(initFile(dir), readFileSync(initFile(dir), "utf8").replaceAll("\n", "\r\n"));

    expect((await migrationStatus({ connectionString: db.url, migrationsDir: dir })).modified).toEqual([]);
    expect(await applyMigrations({ connectionString: db.url, migrationsDir: dir })).toEqual({ applied: [] });
  });

  it("refuses when the database has a migration the folder lacks", async () => {
    const before = await history(db.url);
    writeMigration(dir, "29990103000000_next", 'CREATE TABLE "Next" ("id" INTEGER);\n');

    await expect(applyMigrations({ connectionString: db.url, migrationsDir: dir })).rejects.toThrow(
      /^Migration 29990101000000_add_note is recorded in the database but missing from /,
    );
    expect(await tableExists(db.url, "Next")).toBe(false);
    expect(await history(db.url)).toEqual(before);
    expect((await migrationStatus({ connectionString: db.url, migrationsDir: dir })).notInFolder).toEqual([
      "29990101000000_add_note",
    ]);
  });

  it("refuses while a recorded migration is unfinished, and goes on once it is marked rolled back", async () => {
    writeMigration(dir, "29990101000000_add_note", 'ALTER TABLE "Organisation" ADD COLUMN "note" TEXT;\n');
    writeMigration(dir, "29990104000000_half_done", 'CREATE TABLE "HalfDone" ("id" INTEGER);\n');
    await query(
      db.url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ($1, $2, $3, 'boom')`,
      ["00000000-0000-4000-8000-000000000001", sha256("x"), "29990104000000_half_done"],
    );

    await expect(applyMigrations({ connectionString: db.url, migrationsDir: dir })).rejects.toThrow(
      /^Migration 29990104000000_half_done was started at .* but never finished/,
    );
    expect(await tableExists(db.url, "HalfDone")).toBe(false);
    expect((await migrationStatus({ connectionString: db.url, migrationsDir: dir })).failed).toEqual([
      "29990104000000_half_done",
    ]);

    await query(db.url, "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL");
    expect(await applyMigrations({ connectionString: db.url, migrationsDir: dir })).toEqual({
      applied: ["29990104000000_half_done"],
    });
  });
});

describe("applyMigrations, concurrently and on a database with unknown history", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db?.close());

  it("applies each migration once when two runners race", async () => {
    const results = await Promise.all([
      applyMigrations({ connectionString: db.url }),
      applyMigrations({ connectionString: db.url }),
    ]);

    expect(results.flatMap((result) => result.applied).sort()).toEqual(realMigrationNames);
    expect((await history(db.url)).map((row) => row.migration_name)).toEqual(realMigrationNames);
  });

  it("refuses a database that has tables but no _prisma_migrations", async () => {
    await query(db.url, "DROP TABLE _prisma_migrations");

    await expect(applyMigrations({ connectionString: db.url })).rejects.toThrow(
      /^The database already has tables \(".+"\) but no _prisma_migrations/,
    );
    expect(await tableExists(db.url, "_prisma_migrations")).toBe(false);
  });
});

describe("checksumMatches (prisma-engines checksum.rs)", () => {
  it("matches Prisma's rendering and tolerates LF/CRLF changes only", () => {
    expect(sha256("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    for (const [a, b] of [
      ["ab\ncd\nef\ngh\rab", "ab\r\ncd\r\nef\r\ngh\rab"],
      ["ab\ncd\nef\ngh\rab\n", "ab\r\ncd\r\nef\r\ngh\rab\r\n"],
    ] as const) {
      expect(checksumMatches(a, sha256(b))).toBe(true);
      expect(checksumMatches(b, sha256(a))).toBe(true);
    }
    expect(checksumMatches("abc", sha256("abcd"))).toBe(false);
    expect(checksumMatches("abc\n", sha256("abc"))).toBe(false);
  });

  it("accepts the unpadded checksums old Prisma versions wrote", () => {
    const unpaddedHex = (script: string) =>
      [...createHash("sha256").update(script).digest()].map((byte) => byte.toString(16)).join("");
    // A script whose digest has a byte below 0x10, so that padding makes a difference.
    const script = Array.from({ length: 100 }, (_, i) => `SELECT ${i};`).find((s) => unpaddedHex(s).length < 64) ?? "";

    expect(checksumMatches(script, unpaddedHex(script))).toBe(true);
    expect(checksumMatches(`${script} `, unpaddedHex(script))).toBe(false);
  });
});
