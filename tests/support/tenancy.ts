/**
 * A small tenancy world for integration tests: organisations A and B, a member of A
 * in every role, an admin of B (the "outsider" to A), a platform admin and an oversight
 * user; plus helpers to call the real router as any of them.
 */
import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { PrismaClient } from "@/server/db/client";
import type { OrganisationRole, PlatformRole } from "@/server/db/generated/enums";
import { inScope } from "@/server/db/scope";
import { createInvitation } from "@/server/domain/access/invitations";
import { organisationNumberCheckDigit } from "@/server/domain/organisations/organisation-number";

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export interface TestOrganisation {
  id: string;
  slug: string;
}

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomUUID().slice(0, 8)}`;
}

export async function createUser(prisma: PrismaClient, platformRole: PlatformRole | null = null): Promise<TestUser> {
  const email = `${unique("user")}@test.example`;
  const user = await inScope(prisma, {}, (tx) =>
    tx.user.create({ data: { email, name: `Test ${email.split("@")[0]}`, platformRole } }),
  );
  return { id: user.id, email: user.email, name: user.name };
}

export async function createOrganisation(prisma: PrismaClient, organisationNumber: string): Promise<TestOrganisation> {
  const slug = unique("org");
  const organisation = await inScope(prisma, {}, (tx) =>
    tx.organisation.create({
      data: { slug, name: `Organisation ${slug}`, organisationNumber, kind: "MUNICIPALITY", sector: "GENERAL_PUBLIC_SERVICES" },
    }),
  );
  return { id: organisation.id, slug };
}

export async function addMember(prisma: PrismaClient, organisation: TestOrganisation, user: TestUser, role: OrganisationRole) {
  return inScope(prisma, { organisationId: organisation.id }, (tx) =>
    tx.membership.create({ data: { organisationId: organisation.id, userId: user.id, role } }),
  );
}

export function callerFor(prisma: PrismaClient, user: TestUser | null, requestId: string = randomUUID()) {
  return createContext({
    headers: new Headers({ "x-request-id": requestId }),
    userId: user?.id ?? null,
    db: prisma,
  }).then(createCaller);
}

export async function createTenancyWorld(prisma: PrismaClient) {
  const orgA = await createOrganisation(prisma, "212000-0142");
  const orgB = await createOrganisation(prisma, "232100-0016");
  const [admin, editor, reviewer, viewer, outsider] = await Promise.all(
    ["ADMIN", "EDITOR", "REVIEWER", "VIEWER", "ADMIN"].map(() => createUser(prisma)),
  );
  const platformAdmin = await createUser(prisma, "PLATFORM_ADMIN");
  const oversight = await createUser(prisma, "OVERSIGHT");
  await addMember(prisma, orgA, admin!, "ADMIN");
  await addMember(prisma, orgA, editor!, "EDITOR");
  await addMember(prisma, orgA, reviewer!, "REVIEWER");
  await addMember(prisma, orgA, viewer!, "VIEWER");
  await addMember(prisma, orgB, outsider!, "ADMIN");
  return {
    orgA,
    orgB,
    users: { admin: admin!, editor: editor!, reviewer: reviewer!, viewer: viewer!, outsider: outsider!, platformAdmin, oversight },
  };
}
export type TenancyWorld = Awaited<ReturnType<typeof createTenancyWorld>>;

/** A pending invitation to `organisation`, made by its admin; returns its one-time token. */
export async function inviteTo(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  inviter: TestUser,
  email: string,
  role: OrganisationRole = "VIEWER",
) {
  return inScope(prisma, { organisationId: organisation.id, userId: inviter.id }, (tx) =>
    createInvitation(
      tx,
      { actor: inviter, requestId: randomUUID(), organisationId: organisation.id, actorRole: "ADMIN" },
      { email, role },
    ),
  );
}

/** Row counts of everything the app writes, read as the app would in each organisation. */
export async function countEverything(prisma: PrismaClient, organisations: TestOrganisation[]) {
  const perOrganisation = await Promise.all(
    organisations.map((o) =>
      inScope(prisma, { organisationId: o.id }, async (tx) => ({
        memberships: await tx.membership.count({ where: { organisationId: o.id } }),
        invitations: await tx.invitation.count({ where: { organisationId: o.id } }),
        auditEvents: await tx.auditEvent.count({ where: { organisationId: o.id } }),
        useCases: await tx.useCase.count({ where: { organisationId: o.id } }),
        assessments: await tx.assessment.count({ where: { organisationId: o.id } }),
        assessmentVersions: (await tx.assessment.aggregate({ where: { organisationId: o.id }, _sum: { version: true } }))._sum.version,
        answers: await tx.assessmentAnswer.count({ where: { organisationId: o.id } }),
        comments: await tx.assessmentComment.count({ where: { organisationId: o.id, resolvedAt: null } }),
        publicationVersions: (await tx.useCasePublication.aggregate({ where: { organisationId: o.id }, _sum: { version: true } }))._sum.version,
        publishedSnapshots: await tx.publishedUseCaseSnapshot.count({ where: { organisationId: o.id, retractedAt: null } }),
        publicReports: (await tx.publicReport.aggregate({ where: { organisationId: o.id }, _sum: { version: true } }))._sum.version,
        version: (await tx.organisation.findUniqueOrThrow({ where: { id: o.id } })).version,
      })),
    ),
  );
  const global = await inScope(prisma, {}, async (tx) => ({
    users: await tx.user.count(),
    organisations: await tx.organisation.count(),
  }));
  return { perOrganisation, global };
}

let organisationNumberSeed = 100_000;
/** A fresh, valid organisation number (265NNN-NNNN: third digit ≥ 2, Luhn check digit). */
export function nextOrganisationNumber(): string {
  organisationNumberSeed += 1;
  const nine = `265${String(organisationNumberSeed + Math.floor(Math.random() * 800_000)).padStart(6, "0")}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${organisationNumberCheckDigit(nine)}`;
}
