/**
 * Row-level security, checked on every table that carries organisationId (found in the
 * database, not listed by hand): as the app role, no organisation set means no rows,
 * and organisation A set never shows a row of B.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { createTestDatabase } from "../../support/database";
import { createTenancyWorld, inviteTo, type TenancyWorld } from "../../support/tenancy";
import { createTestAssessment } from "../../support/assessments";
import { createTestDecision } from "../../support/procurement";
import { assignTestResponsibility } from "../../support/responsibilities";
import { createTestUseCase } from "../../support/use-cases";
import { publishTestUseCase } from "../../support/publication";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let tenantTables: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  // Rows of both organisations in every tenant table (invitations also write audit events).
  await inviteTo(db.prisma, world.orgA, world.users.admin, "a@exempel.example");
  await inviteTo(db.prisma, world.orgB, world.users.outsider, "b@exempel.example");
  // Use cases (and their reference counters) of both organisations.
  await createTestUseCase(db.prisma, world.orgA, world.users.admin);
  await createTestUseCase(db.prisma, world.orgB, world.users.outsider);
  // Assessments with answers and comments of both organisations.
  await createTestAssessment(db.prisma, world.orgA, { by: world.users.admin, comment: "A:s kommentar" });
  await createTestAssessment(db.prisma, world.orgB, { by: world.users.outsider, comment: "B:s kommentar" });
  // Procurement decisions (with their checklists), responsibilities and value chains of both.
  for (const [organisation, by] of [
    [world.orgA, world.users.admin],
    [world.orgB, world.users.outsider],
  ] as const) {
    const { useCaseId } = await createTestDecision(db.prisma, organisation, by);
    await assignTestResponsibility(db.prisma, organisation, by, { useCaseId, role: "LEGAL", external: { name: "Jurist" } });
    await inScope(db.prisma, { organisationId: organisation.id }, (tx) =>
      tx.valueChainParty.create({ data: { organisationId: organisation.id, useCaseId, role: "PROVIDER", holderKind: "OTHER_ORGANISATION", holderName: "Inera AB" } }),
    );
  }
  // Published snapshots, their publication and a report from the public, of both.
  for (const [organisation, by] of [
    [world.orgA, world.users.admin],
    [world.orgB, world.users.outsider],
  ] as const) {
    const { useCaseId } = await publishTestUseCase(db.prisma, organisation, { editor: by, admin: by });
    await inScope(db.prisma, { organisationId: organisation.id }, (tx) =>
      tx.publicReport.create({ data: { organisationId: organisation.id, useCaseId, snapshotVersion: 1, kind: "ERROR", message: "Fel adress på sidan." } }),
    );
  }
  // Tables only: the public register's views (owned by tillit_public_reader) are the one
  // deliberate cross-organisation read, tested in tests/integration/public-register.
  const rows = await db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'organisationId' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`;
  tenantTables = rows.map((row) => row.table_name);
});
afterAll(async () => db?.close());

async function organisationIdsIn(table: string, scope: { organisationId?: string }): Promise<string[]> {
  const rows = await inScope(db.prisma, scope, (tx) =>
    tx.$queryRawUnsafe<{ organisationId: string }[]>(`SELECT "organisationId"::text AS "organisationId" FROM "${table}"`),
  );
  return rows.map((row) => row.organisationId);
}

describe("row-level security", () => {
  it("covers the tenant tables", () => {
    expect(tenantTables).toEqual(
      expect.arrayContaining([
        "AuditEvent",
        "Invitation",
        "Membership",
        "UseCase",
        "UseCaseReferenceCounter",
        "Assessment",
        "AssessmentAnswer",
        "AssessmentComment",
        "ProcurementDecision",
        "ProcurementRequirement",
        "Responsibility",
        "ValueChainParty",
        "UseCasePublication",
        "PublishedUseCaseSnapshot",
        "PublicReport",
      ]),
    );
  });

  it("is enabled and forced on every tenant table", async () => {
    const rows = await db.prisma.$queryRaw<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[]>`
      SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`;
    for (const table of tenantTables) {
      expect(rows.find((row) => row.relname === table), table).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
  });

  it("returns no rows from any tenant table when no organisation is set", async () => {
    for (const table of tenantTables) {
      expect(await organisationIdsIn(table, {}), table).toEqual([]);
    }
  });

  it("returns only organisation A's rows when A is set, and they exist", async () => {
    for (const table of tenantTables) {
      const seen = await organisationIdsIn(table, { organisationId: world.orgA.id });
      expect(seen.length, `${table} has rows of A`).toBeGreaterThan(0);
      expect(new Set(seen), table).toEqual(new Set([world.orgA.id]));
    }
  });

  it("refuses to write a row into another organisation", async () => {
    const attempt = inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.membership.create({ data: { organisationId: world.orgB.id, userId: world.users.viewer.id, role: "ADMIN" } }),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it("runs the app's transactions as a role that is neither superuser nor table owner", async () => {
    const [row] = await inScope(db.prisma, {}, (tx) =>
      tx.$queryRaw<{ role: string; superuser: boolean; owns: boolean; bypass: boolean }[]>`
        SELECT current_user AS role,
               r.rolsuper AS superuser,
               r.rolbypassrls AS bypass,
               EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns
        FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(row).toEqual({ role: "tillit_app", superuser: false, owns: false, bypass: false });
  });
});
