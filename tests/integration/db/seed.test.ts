import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import type { PrismaClient } from "@/server/db/client";
import { OrganisationKind, OrganisationRole, PlatformRole } from "@/server/db/generated/enums";
import { inScope } from "@/server/db/scope";
import { DEMO_PASSWORD, type DemoSummary, formatDemoSignIns, seedDemoData } from "@/server/db/seed/demo";
import { normaliseOrganisationNumber } from "@/server/domain/organisations/organisation-number";
import { toUseCaseRecord } from "@/server/domain/use-cases/record";
import { brokenUseCaseRules } from "@/server/domain/use-cases/rules";
import { listPublicUseCases } from "@/server/domain/public-register/read";
import { publicRegisterFilters, publicRegisterPage } from "@/server/domain/public-register/schemas";
import { listUseCases } from "@/server/domain/use-cases/list";
import { useCaseListFilters } from "@/server/domain/use-cases/schemas";
import { createTestDatabase } from "../../support/database";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
let firstRun: DemoSummary;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.prisma;
  firstRun = await seedDemoData(prisma);
});

afterAll(async () => {
  await database?.close();
});

// Memberships are tenant rows under row-level security: read them as the app does,
// in one organisation's scope, or in a user's scope (their own memberships).
function membershipsOf(organisationId: string) {
  return inScope(prisma, { organisationId }, (tx) => tx.membership.findMany({ where: { organisationId }, orderBy: { userId: "asc" } }));
}

function membershipsOfUser(userId: string) {
  return inScope(prisma, { userId }, (tx) => tx.membership.findMany({ where: { userId } }));
}

function assessmentsOf(organisationId: string) {
  return inScope(prisma, { organisationId }, (tx) =>
    tx.assessment.findMany({ where: { organisationId }, orderBy: { id: "asc" }, include: { answers: { orderBy: { questionKey: "asc" } } } }),
  );
}

function procurementOf(organisationId: string) {
  return inScope(prisma, { organisationId }, (tx) =>
    tx.procurementDecision.findMany({ where: { organisationId }, orderBy: { id: "asc" }, include: { requirements: { orderBy: { itemKey: "asc" } } } }),
  );
}

function responsibilitiesOf(organisationId: string) {
  return inScope(prisma, { organisationId }, (tx) => tx.responsibility.findMany({ where: { organisationId }, orderBy: { id: "asc" } }));
}

function publicationOf(organisationId: string) {
  return inScope(prisma, { organisationId }, async (tx) => ({
    publications: await tx.useCasePublication.findMany({ where: { organisationId }, orderBy: { useCaseId: "asc" } }),
    snapshots: await tx.publishedUseCaseSnapshot.findMany({ where: { organisationId }, orderBy: [{ useCaseId: "asc" }, { version: "asc" }] }),
    reports: await tx.publicReport.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
  }));
}

function registerOf(organisationId: string) {
  return inScope(prisma, { organisationId }, (tx) => tx.useCase.findMany({ where: { organisationId }, orderBy: { reference: "asc" } }));
}

/** Every demo row with every column, in a stable order. */
async function snapshot(db: PrismaClient) {
  const organisations = await db.organisation.findMany({ orderBy: { organisationNumber: "asc" } });
  const memberships = [];
  const useCases = [];
  const assessments = [];
  const decisions = [];
  const responsibilities = [];
  const publications = [];
  const snapshots = [];
  const reports = [];
  for (const organisation of organisations) {
    const published = await publicationOf(organisation.id);
    publications.push(...published.publications);
    snapshots.push(...published.snapshots);
    reports.push(...published.reports);
    memberships.push(...(await membershipsOf(organisation.id)));
    useCases.push(...(await registerOf(organisation.id)));
    assessments.push(...(await assessmentsOf(organisation.id)));
    decisions.push(...(await procurementOf(organisation.id)));
    responsibilities.push(...(await responsibilitiesOf(organisation.id)));
  }
  // The supplier catalogue is shared by all organisations (no row-level security).
  const suppliers = await db.supplier.findMany({ orderBy: { name: "asc" }, include: { products: { orderBy: { name: "asc" } } } });
  const users = await db.user.findMany({ orderBy: { email: "asc" } });
  return { organisations, users, memberships, useCases, assessments, decisions, responsibilities, suppliers, publications, snapshots, reports };
}

describe("seedDemoData", () => {
  it("creates the demo, and a second run changes nothing", async () => {
    const before = await snapshot(prisma);
    const products = before.suppliers.reduce((sum, supplier) => sum + supplier.products.length, 0);
    expect(firstRun.changes).toBe(
      before.organisations.length +
        before.users.length +
        before.memberships.length +
        before.useCases.length +
        before.assessments.length +
        before.suppliers.length +
        products +
        before.decisions.length +
        before.responsibilities.length +
        before.publications.length +
        before.snapshots.length +
        before.reports.length,
    );

    const secondRun = await seedDemoData(prisma);

    expect(secondRun.changes).toBe(0);
    expect(await snapshot(prisma)).toEqual(before);
    expect(before.organisations).toHaveLength(firstRun.organisations.length);
    expect(before.users).toHaveLength(new Set(firstRun.users.map((user) => user.email)).size);
  });

  it("has assessments in every state a status board shows, complete where they have been submitted", async () => {
    const { assessments } = await snapshot(prisma);
    expect(new Set(assessments.map((a) => a.status))).toEqual(new Set(["DRAFT", "IN_REVIEW", "APPROVED"]));
    expect(assessments.some((a) => a.dueOn !== null && a.dueOn < new Date() && a.status !== "APPROVED")).toBe(true);
    for (const approved of assessments.filter((a) => a.status === "APPROVED")) {
      expect(approved.approvedById).not.toBe(approved.lastAnsweredById);
      expect(approved.approvedResult).toMatchObject({ complete: true });
    }
  });

  it("has a living public register: published use cases in every organisation, one retracted, one withheld field, one open question, some changed since", async () => {
    const organisations = await prisma.organisation.findMany({ where: { slug: { in: firstRun.organisations.map((o) => o.slug) } } });
    const everything = await Promise.all(organisations.map((organisation) => publicationOf(organisation.id)));
    for (const published of everything) expect(published.snapshots.length).toBeGreaterThan(0);
    const snapshots = everything.flatMap((published) => published.snapshots);
    expect(snapshots.filter((s) => s.retractedAt !== null)).toHaveLength(1);
    expect(snapshots.some((s) => (s.snapshot as { withheld: unknown[] }).withheld.length > 0)).toBe(true);
    expect(snapshots.some((s) => s.version > 1)).toBe(true);
    expect(everything.flatMap((published) => published.reports).filter((r) => r.status === "OPEN")).toHaveLength(1);
    const outOfDate = await Promise.all(
      organisations.map((organisation) =>
        inScope(prisma, { organisationId: organisation.id }, (tx) =>
          listUseCases(tx, organisation.id, useCaseListFilters.parse({ publication: "outOfDate" }), { limit: 100 }),
        ),
      ),
    );
    expect(outOfDate.flatMap((page) => page.items).length).toBeGreaterThanOrEqual(2);
    const visible = await inScope(prisma, {}, (tx) => listPublicUseCases(tx, publicRegisterFilters.parse({}), publicRegisterPage.parse({})));
    expect(visible.total).toBe(snapshots.filter((s) => s.supersededAt === null && s.retractedAt === null).length);
  });

  it("has procurement decisions on catalogue products, accountable owners, and an in-use use case whose owner is missing", async () => {
    const { decisions, responsibilities, useCases } = await snapshot(prisma);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.some((decision) => decision.productId !== null && decision.requirements.length > 0)).toBe(true);
    const owned = new Set(responsibilities.filter((r) => r.role === "ACCOUNTABLE_OWNER" && r.validTo === null).map((r) => r.useCaseId));
    const inUse = useCases.filter((useCase) => useCase.lifecycleStage === "IN_USE");
    expect(useCases.some((useCase) => useCase.lifecycleStage !== "IDEA" && owned.has(useCase.id))).toBe(true);
    expect(inUse.some((useCase) => !owned.has(useCase.id))).toBe(true);
  });

  it("has a central agency, a municipality and a region", async () => {
    const kinds = new Set((await prisma.organisation.findMany()).map((organisation) => organisation.kind));
    for (const kind of [OrganisationKind.CENTRAL_AGENCY, OrganisationKind.MUNICIPALITY, OrganisationKind.REGION]) {
      expect(kinds.has(kind)).toBe(true);
    }
  });

  it("stores valid organisation numbers in their normalised form, and functional contact addresses", async () => {
    for (const organisation of await prisma.organisation.findMany()) {
      expect(normaliseOrganisationNumber(organisation.organisationNumber)).toBe(organisation.organisationNumber);
      expect(organisation.contactEmail).toMatch(/^(registrator|kommun)@[a-z-]+\.example$/);
    }
  });

  it("has every organisation role in every organisation", async () => {
    for (const organisation of await prisma.organisation.findMany()) {
      const roles = new Set((await membershipsOf(organisation.id)).map((membership) => membership.role));
      expect([...roles].sort()).toEqual(Object.values(OrganisationRole).sort());
    }
  });

  it("has three to five use cases in every organisation's register, valid by its rules, with functional contacts", async () => {
    const userEmails = new Set((await prisma.user.findMany()).map((user) => user.email));
    for (const organisation of await prisma.organisation.findMany()) {
      const useCases = await registerOf(organisation.id);
      expect(useCases.length, organisation.slug).toBeGreaterThanOrEqual(3);
      expect(useCases.length, organisation.slug).toBeLessThanOrEqual(5);
      const numbers = useCases.map((useCase) => /^AI-\d{4}-(\d{3})$/.exec(useCase.reference)?.[1]);
      expect(numbers).toEqual(useCases.map((_, index) => String(index + 1).padStart(3, "0")));
      for (const useCase of useCases) {
        expect(brokenUseCaseRules(toUseCaseRecord(useCase)), useCase.title).toEqual([]);
        if (useCase.publicContactEmail) expect(userEmails.has(useCase.publicContactEmail), useCase.title).toBe(false);
      }
    }
  });

  it("has a platform administrator and an oversight user without memberships", async () => {
    const platformUsers = await prisma.user.findMany({ where: { platformRole: { not: null } } });
    expect(platformUsers.map((user) => user.platformRole).sort()).toEqual(Object.values(PlatformRole).sort());
    for (const user of platformUsers) expect(await membershipsOfUser(user.id)).toEqual([]);
  });

  it("puts one person in two organisations with different roles", async () => {
    const memberships = await Promise.all((await prisma.user.findMany()).map((user) => membershipsOfUser(user.id)));
    const inTwo = memberships.filter((ofUser) => ofUser.length === 2);
    expect(inTwo).toHaveLength(1);
    const roles = inTwo[0]?.map((membership) => membership.role) ?? [];
    expect(new Set(roles).size).toBe(2);
  });

  it("lets every demo user sign in with the demo password", async () => {
    const users = await prisma.user.findMany();
    const verified = await Promise.all(users.map((user) => verifyPassword(user.passwordHash ?? "", DEMO_PASSWORD)));
    expect(verified.every(Boolean)).toBe(true);
    expect(users.every((user) => user.passwordHash?.startsWith("$argon2id$"))).toBe(true);
  });

  it("summarises every account with its role and organisation for printing", async () => {
    const printed = formatDemoSignIns(firstRun);
    expect(printed).toContain(DEMO_PASSWORD);
    for (const user of await prisma.user.findMany()) expect(printed).toContain(user.email);
    expect(printed).toContain("tillsyn@digg.example");
    expect(printed).toContain("Region Exempelland");
  });

  it("puts edited demo records back on the next run", async () => {
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: "exempelby" } });
    await prisma.organisation.update({ where: { id: organisation.id }, data: { name: "Omdöpt kommun" } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "admin@exempelby.example" } });
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: "changed" } });
    await inScope(prisma, { organisationId: organisation.id }, (tx) =>
      tx.membership.update({
        where: { organisationId_userId: { organisationId: organisation.id, userId: user.id } },
        data: { role: OrganisationRole.VIEWER },
      }),
    );

    const useCase = (await registerOf(organisation.id))[0]!;
    await inScope(prisma, { organisationId: organisation.id }, (tx) =>
      tx.useCase.update({
        where: { organisationId_id: { organisationId: organisation.id, id: useCase.id } },
        data: { publicSummary: "Ändrad", archivedAt: new Date() },
      }),
    );

    const run = await seedDemoData(prisma);

    expect(run.changes).toBe(4);
    const restoredUseCase = (await registerOf(organisation.id))[0]!;
    expect(restoredUseCase).toMatchObject({ publicSummary: useCase.publicSummary, archivedAt: null, version: useCase.version + 1 });
    const restored = await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(restored.name).toBe("Exempelby kommun");
    expect(restored.version).toBe(organisation.version + 1);
    const restoredUser = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(restoredUser.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    expect((await membershipsOfUser(user.id)).map((membership) => membership.role)).toEqual([OrganisationRole.ADMIN]);
  });
});
