/**
 * Every procedure of the root router, called as every kind of caller. The list of
 * procedures is read from the router itself: a new procedure without a guard (no access
 * meta) or without a sample input here fails this test.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import type { ProcedureMeta } from "@/server/api/trpc";
import { inScope } from "@/server/db/scope";
import { roleHasPermission } from "@/server/domain/access/permissions";
import { createTestDatabase } from "../../support/database";
import {
  addMember,
  callerFor,
  countEverything,
  createOrganisation,
  createTenancyWorld,
  createUser,
  inviteTo,
  nextOrganisationNumber,
  type TenancyWorld,
  type TestUser,
} from "../../support/tenancy";
import { createTestAssessment } from "../../support/assessments";
import { createTestDecision } from "../../support/procurement";
import { assignTestResponsibility } from "../../support/responsibilities";
import { createTestSupplier } from "../../support/suppliers";
import { registerFileUpload } from "../../support/use-case-files";
import { createTestUseCase, sampleUseCaseFields } from "../../support/use-cases";
import { changeFor, createPublishableUseCase, publishTestUseCase } from "../../support/publication";
import { proposePublication } from "@/server/domain/public-register/service";

type Db = Awaited<ReturnType<typeof createTestDatabase>>;
type CallerName = "anonymous" | "outsider" | "admin" | "editor" | "reviewer" | "viewer" | "platformAdmin" | "oversight";
const callerNames: CallerName[] = ["anonymous", "outsider", "admin", "editor", "reviewer", "viewer", "platformAdmin", "oversight"];
const roleOf = { admin: "ADMIN", editor: "EDITOR", reviewer: "REVIEWER", viewer: "VIEWER" } as const;

interface SampleContext {
  db: Db;
  world: TenancyWorld;
  as: TestUser | null;
}
type Sample = (context: SampleContext) => Promise<unknown>;

const password = "ett långt lösenord för Tillit, november 2026";

async function freshMember({ db, world }: SampleContext) {
  const user = await createUser(db.prisma);
  await addMember(db.prisma, world.orgA, user, "VIEWER");
  return user;
}

/** A new use case of organisation A: its id and version, with A's slug, as the procedures take them. */
async function freshUseCase({ db, world }: SampleContext, options: { archived?: boolean } = {}) {
  const { id, version } = await createTestUseCase(db.prisma, world.orgA, world.users.admin, options);
  return { organisationSlug: world.orgA.slug, id, version };
}

/** An assessment of organisation A in `status`, answered and submitted by its editor (so admins and reviewers may approve). */
async function freshAssessment({ db, world }: SampleContext, status: "DRAFT" | "IN_REVIEW" | "APPROVED" = "DRAFT", comment?: string) {
  const { id, version } = await createTestAssessment(db.prisma, world.orgA, { by: world.users.editor, status, comment });
  return { organisationSlug: world.orgA.slug, id, version };
}

let supplierNumber = 0;
/** A supplier with one product, added by organisation A (so A's registrars may edit both). */
async function freshSupplier({ db, world }: SampleContext) {
  return createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{}] });
}

async function freshDecision({ db, world }: SampleContext) {
  const { id, version } = await createTestDecision(db.prisma, world.orgA, world.users.editor);
  return { organisationSlug: world.orgA.slug, id, version };
}

async function freshAssignment(context: SampleContext) {
  const { id: useCaseId } = await freshUseCase(context);
  const assignment = await assignTestResponsibility(context.db.prisma, context.world.orgA, context.world.users.editor, {
    useCaseId,
    role: "LEGAL",
    external: { name: "Jurist Extern" },
    validFrom: "2026-01-01",
  });
  return { organisationSlug: context.world.orgA.slug, id: assignment.id, version: assignment.version, useCaseId };
}

/** A publishable use case of organisation A, proposed for publication by its editor. */
async function freshProposal({ db, world }: SampleContext) {
  const { id } = await createPublishableUseCase(db.prisma, world.orgA, world.users.admin);
  const proposed = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
    proposePublication(tx, changeFor(world.orgA, world.users.editor, "EDITOR"), { useCaseId: id, version: 0, note: "Klar" }),
  );
  return { organisationSlug: world.orgA.slug, useCaseId: id, version: proposed.version };
}

async function freshPublished({ db, world }: SampleContext) {
  const published = await publishTestUseCase(db.prisma, world.orgA, { editor: world.users.editor, admin: world.users.admin });
  return { organisationSlug: world.orgA.slug, useCaseId: published.useCaseId, version: published.publicationVersion };
}

/** An open report from the public about a published use case of organisation A. */
async function freshReport(context: SampleContext) {
  const { useCaseId } = await freshPublished(context);
  const report = await inScope(context.db.prisma, { organisationId: context.world.orgA.id }, (tx) =>
    tx.publicReport.create({
      data: { organisationId: context.world.orgA.id, useCaseId, snapshotVersion: 1, kind: "QUESTION", message: "Hur länge sparas uppgifterna?" },
    }),
  );
  return { organisationSlug: context.world.orgA.slug, id: report.id, version: report.version };
}

/** Valid input for each procedure, made fresh for every call (mutations change state). */
const samples: Record<string, Sample> = {
  "me.profile": async () => undefined,
  "me.memberships": async () => undefined,
  "organisations.directory": async () => undefined,
  "organisations.get": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "organisations.adminList": async () => undefined,
  "organisations.counts": async () => undefined,
  "organisations.create": async () => {
    const slug = `ny-${Math.random().toString(36).slice(2, 10)}`;
    return {
      name: "Myndigheten för nya prov",
      organisationNumber: nextOrganisationNumber(),
      kind: "CENTRAL_AGENCY",
      sector: "DIGITAL_GOVERNMENT",
      slug,
      firstAdminEmail: `chef@${slug}.example`,
    };
  },
  "organisations.update": async ({ db, world }) => {
    const current = await inScope(db.prisma, {}, (tx) => tx.organisation.findUniqueOrThrow({ where: { id: world.orgA.id } }));
    return {
      id: current.id,
      version: current.version,
      name: current.name,
      organisationNumber: current.organisationNumber,
      kind: current.kind,
      sector: current.sector,
      slug: current.slug,
      contactEmail: "registrator@exempel.example",
      websiteUrl: null,
    };
  },
  "members.list": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "members.changeRole": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    userId: (await freshMember(context)).id,
    role: "REVIEWER",
    version: 1,
  }),
  "members.remove": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    userId: (await freshMember(context)).id,
    version: 1,
  }),
  "invitations.list": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "invitations.create": async ({ world }) => ({
    organisationSlug: world.orgA.slug,
    email: `ny-${Math.random().toString(36).slice(2, 10)}@exempel.example`,
    role: "VIEWER",
  }),
  "invitations.revoke": async ({ db, world }) => {
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, `r-${Math.random()}@x.example`);
    return { organisationSlug: world.orgA.slug, invitationId: invitation.id };
  },
  "invitations.preview": async ({ db, world }) => {
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, `p-${Math.random()}@x.example`);
    return { organisationSlug: world.orgA.slug, token: invitation.token };
  },
  "invitations.accept": async ({ db, as }) => {
    // A new organisation that invites the caller, so that every signed-in caller can accept.
    const organisation = await createOrganisation(db.prisma, nextOrganisationNumber());
    const inviter = await createUser(db.prisma);
    await addMember(db.prisma, organisation, inviter, "ADMIN");
    const invitation = await inviteTo(db.prisma, organisation, inviter, as?.email ?? "nobody@x.example");
    return { organisationSlug: organisation.slug, token: invitation.token };
  },
  "invitations.acceptAsNewUser": async ({ db, world }) => {
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, `n-${Math.random()}@x.example`);
    return { organisationSlug: world.orgA.slug, token: invitation.token, name: "Ny Medarbetare", password };
  },
  "audit.list": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "audit.forEntity": async ({ world }) => ({ organisationSlug: world.orgA.slug, entityType: "Organisation", entityId: world.orgA.id }),
  "useCases.list": async ({ world }) => ({ organisationSlug: world.orgA.slug, filters: { q: "chattbot" } }),
  "useCases.get": async (context) => {
    const { organisationSlug, id } = await freshUseCase(context);
    return { organisationSlug, id };
  },
  "useCases.history": async (context) => {
    const { organisationSlug, id } = await freshUseCase(context);
    return { organisationSlug, id };
  },
  "useCases.businessAreas": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "useCases.create": async ({ world }) => ({ organisationSlug: world.orgA.slug, useCase: sampleUseCaseFields() }),
  "useCases.update": async (context) => ({ ...(await freshUseCase(context)), useCase: sampleUseCaseFields({ title: "Ändrad titel" }) }),
  "useCases.archive": async (context) => freshUseCase(context),
  "useCases.restore": async (context) => freshUseCase(context, { archived: true }),
  "useCases.delete": async (context) => freshUseCase(context),
  "useCases.shareWithOversight": async (context) => ({ ...(await freshUseCase(context)), shared: true }),
  "overview.dashboard": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "overview.oversight": async () => ({ filters: { sector: "HEALTH_AND_CARE" } }),
  "overview.figureOrganisations": async () => ({ filters: {}, dimension: "riskClass", value: "HIGH_RISK" }),
  "overview.disclosedUseCases": async () => ({ filters: {} }),
  "overview.refreshOversight": async () => undefined,
  "useCaseFiles.previewImport": async ({ world }) => ({ organisationSlug: world.orgA.slug, ...(await registerFileUpload()) }),
  "useCaseFiles.import": async ({ world }) => ({ organisationSlug: world.orgA.slug, ...(await registerFileUpload()) }),
  "useCaseFiles.exportRecords": async ({ world }) => ({ organisationSlug: world.orgA.slug, filters: { q: "chattbot" } }),
  "useCaseFiles.exportBatch": async ({ world }) => ({ organisationSlug: world.orgA.slug, filters: { q: "chattbot" } }),
  "useCaseFiles.euDatabaseRegistration": async (context) => {
    const { organisationSlug, id } = await freshUseCase(context);
    return { organisationSlug, useCaseId: id };
  },
  "assessments.list": async ({ world }) => ({ organisationSlug: world.orgA.slug, filters: { overdue: true } }),
  "assessments.get": async (context) => {
    const { organisationSlug, id } = await freshAssessment(context);
    return { organisationSlug, id };
  },
  "assessments.forUseCase": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    useCaseId: (await freshUseCase(context)).id,
  }),
  "assessments.statusBoard": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "assessments.start": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    useCaseId: (await freshUseCase(context)).id,
    templateKind: "AI_ACT_CLASSIFICATION",
    plan: { phase: "DEVELOPMENT", ownerId: context.world.users.editor.id, dueOn: "2027-01-31" },
  }),
  "assessments.updatePlan": async (context) => ({
    ...(await freshAssessment(context)),
    plan: { phase: "OPERATION", ownerId: null, dueOn: "2027-02-28", nextReviewOn: null },
  }),
  "assessments.saveAnswer": async (context) => {
    const { organisationSlug, id } = await freshAssessment(context);
    return { organisationSlug, id, questionKey: "screening_notes", answerVersion: null, answer: { value: "Anteckning", comment: null, reference: null } };
  },
  "assessments.importAnswers": async (context) => ({
    ...(await freshAssessment(context)),
    content: JSON.stringify({ processes_personal_data: "nej" }),
  }),
  "assessments.submit": async (context) => freshAssessment(context),
  "assessments.requestChanges": async (context) => ({ ...(await freshAssessment(context, "IN_REVIEW")), message: "Motivera svaret." }),
  "assessments.approve": async (context) => ({ ...(await freshAssessment(context, "IN_REVIEW")), nextReviewOn: null }),
  "assessments.startNextVersion": async (context) => freshAssessment(context, "APPROVED"),
  "assessments.delete": async (context) => freshAssessment(context),
  "assessments.comment": async (context) => {
    const { organisationSlug, id } = await freshAssessment(context, "IN_REVIEW");
    return { organisationSlug, id, questionKey: "processes_personal_data", body: "Stämmer detta?" };
  },
  "assessments.setSharing": async (context) => ({ ...(await freshAssessment(context, "APPROVED")), shared: true }),
  "procurement.forUseCase": async (context) => ({ organisationSlug: context.world.orgA.slug, useCaseId: (await freshUseCase(context)).id }),
  "procurement.get": async (context) => {
    const { organisationSlug, id } = await freshDecision(context);
    return { organisationSlug, id };
  },
  "procurement.thresholdCheck": async ({ world }) => ({ organisationSlug: world.orgA.slug, valueSek: 900_000, on: "2026-06-01" }),
  "procurement.frameworkAgreements": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "procurement.create": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    useCaseId: (await freshUseCase(context)).id,
    fields: { route: "FRAMEWORK_CALL_OFF", frameworkAgreementKey: "adda-programvaror-och-tjanster-2024", estimatedValueSek: 250_000 },
  }),
  "procurement.update": async (context) => ({
    ...(await freshDecision(context)),
    fields: { route: "FRAMEWORK_CALL_OFF", frameworkAgreementKey: "adda-programvaror-och-tjanster-2024", estimatedValueSek: 300_000 },
  }),
  "procurement.setRequirement": async (context) => {
    const { organisationSlug, id } = await freshDecision(context);
    return { organisationSlug, id, itemKey: "data_location", itemVersion: 1, required: true, status: "MET", evidence: "Drift i Sverige." };
  },
  "procurement.setStatus": async (context) => ({ ...(await freshDecision(context)), status: "CANCELLED" }),
  "procurement.acceptRisk": async (context) => ({ ...(await freshDecision(context)), reason: "Kraven följs upp i avtalet." }),
  "procurement.delete": async (context) => freshDecision(context),
  "suppliers.search": async ({ world }) => ({ organisationSlug: world.orgA.slug, q: "AB" }),
  "suppliers.list": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "suppliers.get": async (context) => ({ organisationSlug: context.world.orgA.slug, id: (await freshSupplier(context)).supplier.id }),
  "suppliers.product": async (context) => ({ organisationSlug: context.world.orgA.slug, id: (await freshSupplier(context)).products[0]!.id }),
  "suppliers.create": async ({ world }) => {
    supplierNumber += 1;
    return { organisationSlug: world.orgA.slug, fields: { name: `Matrisleverantör ${supplierNumber} AB`, country: "SE", organisationNumber: null } };
  },
  "suppliers.update": async (context) => {
    const { supplier } = await freshSupplier(context);
    return { organisationSlug: context.world.orgA.slug, id: supplier.id, version: supplier.version, fields: { name: `${supplier.name} (ny)`, country: "SE", organisationNumber: null } };
  },
  "suppliers.createProduct": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    supplierId: (await freshSupplier(context)).supplier.id,
    fields: { name: "Ny produkt", hostingLocations: ["SE"], certifications: [] },
  }),
  "suppliers.updateProduct": async (context) => {
    const product = (await freshSupplier(context)).products[0]!;
    return { organisationSlug: context.world.orgA.slug, id: product.id, version: product.version, fields: { name: `${product.name} 2`, hostingLocations: ["SE", "FI"], certifications: [] } };
  },
  "suppliers.platformUpdate": async (context) => {
    const { supplier } = await freshSupplier(context);
    return { id: supplier.id, version: supplier.version, fields: { name: `${supplier.name} (rättad)`, country: "SE", organisationNumber: null } };
  },
  "suppliers.platformUpdateProduct": async (context) => {
    const product = (await freshSupplier(context)).products[0]!;
    return { id: product.id, version: product.version, fields: { name: `${product.name} (rättad)`, hostingLocations: ["SE"], certifications: [] } };
  },
  "suppliers.assessmentSharing": async (context) => {
    const { organisationSlug, id } = await freshAssessment(context, "APPROVED");
    return { organisationSlug, id };
  },
  "responsibilities.forUseCase": async (context) => ({ organisationSlug: context.world.orgA.slug, useCaseId: (await freshUseCase(context)).id }),
  "responsibilities.accountableOwner": async (context) => ({ organisationSlug: context.world.orgA.slug, useCaseId: (await freshUseCase(context)).id }),
  "responsibilities.valueChain": async (context) => ({ organisationSlug: context.world.orgA.slug, useCaseId: (await freshUseCase(context)).id }),
  "responsibilities.assign": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    useCaseId: (await freshUseCase(context)).id,
    role: "LEGAL",
    personKind: "EXTERNAL",
    externalName: "Jurist Extern",
    validFrom: "2026-01-01",
  }),
  "responsibilities.end": async (context) => {
    const { organisationSlug, id, version } = await freshAssignment(context);
    return { organisationSlug, id, version, validTo: "2026-02-01" };
  },
  "responsibilities.update": async (context) => {
    const { organisationSlug, id, version } = await freshAssignment(context);
    return { organisationSlug, id, version, validFrom: "2026-01-01", validTo: null, note: "Ny anteckning" };
  },
  "responsibilities.setValueChain": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    useCaseId: (await freshUseCase(context)).id,
    parties: [{ role: "PROVIDER", version: null, holderKind: "OTHER_ORGANISATION", holderName: "Inera AB" }],
  }),
  "responsibilities.mine": async () => undefined,
  "publication.panel": async (context) => ({ organisationSlug: context.world.orgA.slug, useCaseId: (await freshUseCase(context)).id }),
  "publication.publishedVersion": async (context) => {
    const { organisationSlug, useCaseId } = await freshPublished(context);
    return { organisationSlug, useCaseId, snapshotVersion: 1 };
  },
  "publication.propose": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    useCaseId: (await freshUseCase(context)).id,
    version: 0,
    note: "Klar att publicera",
  }),
  "publication.setWithholdingReasons": async (context) => ({
    organisationSlug: context.world.orgA.slug,
    useCaseId: (await freshUseCase(context)).id,
    version: 0,
    reasons: { supplierName: "ONGOING_PROCUREMENT" },
  }),
  "publication.withdraw": async (context) => freshProposal(context),
  "publication.publish": async (context) => freshProposal(context),
  "publication.retract": async (context) => ({ ...(await freshPublished(context)), reason: "Försöket avslutades." }),
  "publicRegister.list": async () => ({ filters: { q: "chattbot" } }),
  "publicRegister.useCase": async (context) => ({ useCaseId: (await freshPublished(context)).useCaseId }),
  "publicRegister.useCaseVersion": async (context) => ({ useCaseId: (await freshPublished(context)).useCaseId, version: 1 }),
  "publicRegister.organisations": async () => ({ published: true }),
  "publicRegister.organisation": async ({ world }) => ({ slug: world.orgA.slug }),
  "publicReports.list": async ({ world }) => ({ organisationSlug: world.orgA.slug }),
  "publicReports.get": async (context) => ({ organisationSlug: context.world.orgA.slug, id: (await freshReport(context)).id }),
  "publicReports.assign": async (context) => ({ ...(await freshReport(context)), assigneeId: context.world.users.editor.id }),
  "publicReports.answer": async (context) => ({ ...(await freshReport(context)), answer: "Tack för frågan.", emailSender: false }),
  "publicReports.close": async (context) => freshReport(context),
  "publicReports.reopen": async (context) => {
    const report = await freshReport(context);
    await inScope(context.db.prisma, { organisationId: context.world.orgA.id }, (tx) =>
      tx.publicReport.update({ where: { organisationId_id: { organisationId: context.world.orgA.id, id: report.id } }, data: { status: "CLOSED", version: 2 } }),
    );
    return { ...report, version: 2 };
  },
  "assessments.resolveComment": async (context) => {
    const { organisationSlug, id } = await freshAssessment(context, "IN_REVIEW", "Motivera svaret.");
    const comment = await inScope(context.db.prisma, { organisationId: context.world.orgA.id }, (tx) =>
      tx.assessmentComment.findFirstOrThrow({ where: { organisationId: context.world.orgA.id, assessmentId: id } }),
    );
    return { organisationSlug, id, commentId: comment.id };
  },
};

function expectedOutcome(access: ProcedureMeta["access"], caller: CallerName): "ok" | "UNAUTHORIZED" | "FORBIDDEN" {
  if (access.kind === "public") return "ok";
  if (caller === "anonymous") return "UNAUTHORIZED";
  switch (access.kind) {
    case "authenticated":
      return "ok";
    case "platform":
      return caller === "platformAdmin" ? "ok" : "FORBIDDEN";
    case "oversight":
      return caller === "oversight" ? "ok" : "FORBIDDEN";
    case "organisation":
      return caller in roleOf && roleHasPermission(roleOf[caller as keyof typeof roleOf], access.permission) ? "ok" : "FORBIDDEN";
  }
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta; type: string } }>);

let db: Db;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

describe("authorisation matrix", () => {
  it("finds the procedures by walking the router", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(Object.keys(samples).length);
  });

  it.each(procedures)("%s is built from a guarded procedure kind and has a sample", (path, procedure) => {
    expect(procedure._def.meta?.access, `${path} has no access rule: build it from a procedure kind in server/api/trpc.ts`).toBeDefined();
    expect(samples[path], `add a sample input for ${path} to this test`).toBeDefined();
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    const sample = samples[path];
    if (!access || !sample) continue;
    describe(path, () => {
      it.each(callerNames)(`as %s`, async (callerName) => {
        const as = callerName === "anonymous" ? null : world.users[callerName];
        const input = await sample({ db, world, as });
        const expected = expectedOutcome(access, callerName);
        const before = expected === "ok" ? null : await countEverything(db.prisma, [world.orgA, world.orgB]);
        const caller = await callerFor(db.prisma, as);
        const call = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input: unknown,
        ) => Promise<unknown>;
        if (expected === "ok") {
          await call(input).catch((error: unknown) => {
            throw new Error(`${path} as ${callerName} should succeed, but: ${error instanceof Error ? error.message : error}`);
          });
          return;
        }
        const error = await call(input).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `${path} as ${callerName} should be refused`).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe(expected);
        expect(await countEverything(db.prisma, [world.orgA, world.orgB])).toEqual(before);
      });
    });
  }
});
