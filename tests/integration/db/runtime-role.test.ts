/**
 * The login the app runs as (README, "Database roles"), attacked directly with SQL: a
 * connection as the runtime login tries to leave tillit_app, to become the owner, to read
 * password hashes and to change rows the app may not change, and is refused each time.
 * Each refusal has a control beside it that the same connection may do, so a broken
 * connection cannot pass for a refusal.
 *
 * On a PostgreSQL server (DATABASE_URL) the runtime login is a real login of its own; the
 * embedded database (PGlite) has one superuser session only, where `npm start` makes the
 * runtime login the session's default role: covered in the last block.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openRuntimeDatabase, prepareDatabase } from "@/server/db/cli/database";
import { assertSafeRuntimeLogin, RUNTIME_LOGIN } from "@/server/db/roles";
import { parseEnv } from "@/server/env";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { createTestSupplier } from "../../support/suppliers";
import { createTenancyWorld, type TenancyWorld, type TestUser } from "../../support/tenancy";

const onServer = Boolean(process.env.DATABASE_URL);
const PERMISSION_DENIED = "42501";

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** The SQLSTATE the statement failed with, or "ok". */
async function outcome(client: pg.Client, sql: string, values: unknown[] = []): Promise<string> {
  try {
    await client.query(sql, values);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** Runs `work` in a transaction that is scoped as the app scopes it, then rolls it back. */
async function asApp<T>(
  client: pg.Client,
  scope: { organisationId?: string; userId?: string },
  work: () => Promise<T>,
): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query(
      `SELECT set_config('role', 'tillit_app', true), set_config('app.organisation_id', $1, true), set_config('app.user_id', $2, true)`,
      [scope.organisationId ?? "", scope.userId ?? ""],
    );
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}

/** Rows a statement changed inside its own savepoint; the error code if it failed. */
async function changed(client: pg.Client, sql: string, values: unknown[] = []): Promise<number | string> {
  await client.query("SAVEPOINT attempt");
  try {
    const result = await client.query(sql, values);
    await client.query("RELEASE SAVEPOINT attempt");
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT attempt");
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!onServer)("the runtime login on a PostgreSQL server", () => {
  let db: TestDatabase;
  let world: TenancyWorld;
  let client: pg.Client;
  let ownerLogin: string;
  let supplierOfB: { supplier: string; product: string };
  let supplierOfA: { supplier: string; product: string };
  let hashed: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await createTenancyWorld(db.prisma);
    const b = await createTestSupplier(db.prisma, world.orgB, world.users.outsider, { products: [{}] });
    const a = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{}] });
    supplierOfB = { supplier: b.supplier.id, product: b.products[0]!.id };
    supplierOfA = { supplier: a.supplier.id, product: a.products[0]!.id };
    hashed = world.users.viewer;
    await db.owner.user.update({ where: { id: hashed.id }, data: { passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" } });
    ownerLogin = decodeURIComponent(new URL(db.url).username);
    client = await connect(db.appUrl);
  });
  afterAll(async () => {
    await client?.end();
    await db?.close();
  });

  it("logs in as a login that is neither superuser nor owner and may become tillit_app only", async () => {
    const [me] = (await client.query<{ user: string; superuser: boolean }>(
      "SELECT current_user AS user, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user",
    )).rows;
    expect(me).toEqual({ user: expect.stringMatching(/_runtime$/), superuser: false });
    expect(me?.user).not.toBe(ownerLogin);
    await expect(assertSafeRuntimeLogin(db.appUrl)).resolves.toBeUndefined();
    // The same check refuses the owner's URL, which is what the app used to run as.
    await expect(assertSafeRuntimeLogin(db.url)).rejects.toThrow(/owns the schema/);
  });

  it("keeps no privilege after RESET ROLE inside the app's transaction", async () => {
    await asApp(client, { organisationId: world.orgA.id }, async () => {
      expect(await changed(client, `SELECT 1 FROM "Organisation"`)).toBeGreaterThan(0);
      await client.query("RESET ROLE");
      const [{ user }] = (await client.query<{ user: string }>("SELECT current_user AS user")).rows as [{ user: string }];
      expect(user).toMatch(/_runtime$/);
      expect(await changed(client, `SELECT 1 FROM "Organisation"`)).toBe(PERMISSION_DENIED);
      expect(await changed(client, `SELECT 1 FROM "Membership"`)).toBe(PERMISSION_DENIED);
      expect(await changed(client, `UPDATE "Organisation" SET "name" = 'x'`)).toBe(PERMISSION_DENIED);
      expect(await changed(client, `ALTER TABLE "Membership" DISABLE ROW LEVEL SECURITY`)).toBe(PERMISSION_DENIED);
      expect(await changed(client, `CREATE TABLE "Mine" ("id" int)`)).toBe(PERMISSION_DENIED);
    });
  });

  it("cannot become the owner, nor the roles that own the cross-organisation functions", async () => {
    expect(await outcome(client, "SET ROLE tillit_app")).toBe("ok");
    expect(await outcome(client, `SET ROLE "${ownerLogin}"`)).toBe(PERMISSION_DENIED);
    expect(await outcome(client, `SET SESSION AUTHORIZATION "${ownerLogin}"`)).toBe(PERMISSION_DENIED);
    expect(await outcome(client, "SELECT set_config('role', $1, false)", [ownerLogin])).toBe(PERMISSION_DENIED);
    expect(await outcome(client, "SET ROLE tillit_credential_reader")).toBe(PERMISSION_DENIED);
    expect(await outcome(client, "SET ROLE tillit_shared_reader")).toBe(PERMISSION_DENIED);
    expect(await outcome(client, "RESET ROLE")).toBe("ok");
  });

  it("reads no password hash but one account's, by address, through the sign-in function", async () => {
    await asApp(client, { userId: hashed.id }, async () => {
      expect(await changed(client, `SELECT "passwordHash" FROM "User"`)).toBe(PERMISSION_DENIED);
      expect(await changed(client, `SELECT * FROM "User" WHERE "id" = $1`, [hashed.id])).toBe(PERMISSION_DENIED);
      expect(await changed(client, `SELECT "id", "email", "name" FROM "User"`)).toBeGreaterThan(0);
      const { rows } = await client.query<{ hash: string | null }>("SELECT sign_in_password_hash($1) AS hash", [hashed.email]);
      expect(rows[0]?.hash).toMatch(/^\$argon2id\$/);
    });
  });

  it("cannot change another organisation's row, nor its own unless a platform administrator", async () => {
    const { admin, platformAdmin } = world.users;
    await asApp(client, { organisationId: world.orgA.id, userId: admin.id }, async () => {
      expect(await changed(client, `UPDATE "Organisation" SET "name" = 'Kapad' WHERE "id" = $1`, [world.orgB.id])).toBe(0);
      expect(await changed(client, `UPDATE "Organisation" SET "name" = 'Kapad' WHERE "id" = $1`, [world.orgA.id])).toBe(0);
      expect(await changed(client, `INSERT INTO "Organisation" ("slug", "name", "organisationNumber", "kind", "sector")
        VALUES ('egen', 'Egen', '212000-0001', 'MUNICIPALITY', 'GENERAL_PUBLIC_SERVICES')`)).toBe("42501");
      expect(await changed(client, `DELETE FROM "Organisation" WHERE "id" = $1`, [world.orgB.id])).toBe(PERMISSION_DENIED);
    });
    await asApp(client, { userId: platformAdmin.id }, async () => {
      expect(await changed(client, `UPDATE "Organisation" SET "name" = "name" WHERE "id" = $1`, [world.orgB.id])).toBe(1);
    });
    const stored = await db.owner.organisation.findUniqueOrThrow({ where: { id: world.orgB.id }, select: { name: true, version: true } });
    expect(stored.name).not.toBe("Kapad");
  });

  it("cannot change another user's row, nor its own address or platform role, nor create an account uninvited", async () => {
    const { editor, viewer } = world.users;
    await asApp(client, { organisationId: world.orgA.id, userId: editor.id }, async () => {
      expect(await changed(client, `UPDATE "User" SET "name" = 'Kapad' WHERE "id" = $1`, [viewer.id])).toBe(0);
      expect(await changed(client, `UPDATE "User" SET "name" = 'Kapad' WHERE "id" <> $1`, [editor.id])).toBe(0);
      expect(await changed(client, `UPDATE "User" SET "passwordHash" = 'x' WHERE "id" = $1`, [viewer.id])).toBe(0);
      expect(await changed(client, `UPDATE "User" SET "platformRole" = 'PLATFORM_ADMIN' WHERE "id" = $1`, [editor.id])).toBe(PERMISSION_DENIED);
      expect(await changed(client, `UPDATE "User" SET "email" = 'ny@test.example' WHERE "id" = $1`, [editor.id])).toBe(PERMISSION_DENIED);
      expect(await changed(client, `INSERT INTO "User" ("email", "name") VALUES ('ny@test.example', 'Ny')`)).toBe("42501");
      // The control: a user changes their own name.
      expect(await changed(client, `UPDATE "User" SET "name" = "name" WHERE "id" = $1`, [editor.id])).toBe(1);
    });
    const stored = await db.owner.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } });
    expect(stored.name).toBe(viewer.name);
  });

  it("cannot change a supplier or product another organisation added, nor add one in its name", async () => {
    const { editor } = world.users;
    await asApp(client, { organisationId: world.orgA.id, userId: editor.id }, async () => {
      expect(await changed(client, `UPDATE "Supplier" SET "name" = 'Kapad' WHERE "id" = $1`, [supplierOfB.supplier])).toBe(0);
      expect(await changed(client, `UPDATE "SupplierProduct" SET "name" = 'Kapad' WHERE "id" = $1`, [supplierOfB.product])).toBe(0);
      expect(await changed(client, `INSERT INTO "Supplier" ("name", "country", "createdByOrganisationId") VALUES ('Falsk AB', 'SE', $1)`, [world.orgB.id])).toBe("42501");
      expect(await changed(client, `UPDATE "Supplier" SET "createdByOrganisationId" = $1 WHERE "id" = $2`, [world.orgB.id, supplierOfA.supplier])).toBe(PERMISSION_DENIED);
      expect(await changed(client, `UPDATE "SupplierProduct" SET "supplierId" = $1 WHERE "id" = $2`, [supplierOfB.supplier, supplierOfA.product])).toBe(PERMISSION_DENIED);
      // The control: its own entries.
      expect(await changed(client, `UPDATE "Supplier" SET "name" = "name" WHERE "id" = $1`, [supplierOfA.supplier])).toBe(1);
      expect(await changed(client, `UPDATE "SupplierProduct" SET "name" = "name" WHERE "id" = $1`, [supplierOfA.product])).toBe(1);
    });
    const stored = await db.owner.supplier.findUniqueOrThrow({ where: { id: supplierOfB.supplier }, select: { name: true } });
    expect(stored.name).not.toBe("Kapad");
  });

  it("is what npm start serves the app with when given only the owner's URL", async () => {
    const env = parseEnv({ DATABASE_URL: db.url });
    const owner = await openDatabase(env);
    const runtime = await openRuntimeDatabase(owner, env);
    expect(decodeURIComponent(new URL(runtime.url).username)).toBe(RUNTIME_LOGIN);
    await expect(assertSafeRuntimeLogin(runtime.url)).resolves.toBeUndefined();
    const started = await connect(runtime.url);
    try {
      expect(await outcome(started, `SELECT 1 FROM "User"`)).toBe(PERMISSION_DENIED);
      expect(await outcome(started, `SET ROLE "${ownerLogin}"`)).toBe(PERMISSION_DENIED);
    } finally {
      await started.end();
    }
  });
});

describe("the runtime login on the embedded database (npm start without DATABASE_URL)", () => {
  const scratch = mkdtempSync(join(tmpdir(), "tillit-runtime-role-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("is the shared session's role, so a query outside tillit_app reads nothing", async () => {
    const env = parseEnv({ EMBEDDED_DATABASE_DIR: join(scratch, "pglite") });
    const owner = await openDatabase(env);
    await prepareDatabase(owner, "never");
    const runtime = await openRuntimeDatabase(owner, env);
    const client = await connect(runtime.url);
    try {
      const { rows } = await client.query<{ user: string }>("SELECT current_user AS user");
      expect(rows[0]?.user).toBe(RUNTIME_LOGIN);
      expect(await outcome(client, `SELECT 1 FROM "Organisation"`)).toBe(PERMISSION_DENIED);
      await asApp(client, {}, async () => {
        expect(await changed(client, `SELECT "id" FROM "Organisation"`)).toBe(0);
        expect(await changed(client, `SELECT "passwordHash" FROM "User"`)).toBe(PERMISSION_DENIED);
      });
      // Back to the runtime login when the transaction ends.
      expect(await outcome(client, `SELECT 1 FROM "Organisation"`)).toBe(PERMISSION_DENIED);
    } finally {
      await client.end();
      await runtime.stop();
    }
  }, 300_000);
});
