/**
 * Every mutation of the root router writes exactly one matching audit event, in the
 * same transaction, with the right before and after values; and the audit log is
 * append-only for the app's database role.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { inScope } from "@/server/db/scope";
import { createTestDatabase } from "../../support/database";
import {
  addMember,
  callerFor,
  createOrganisation,
  createTenancyWorld,
  createUser,
  inviteTo,
  nextOrganisationNumber,
  type TenancyWorld,
} from "../../support/tenancy";
import { createTestAssessment } from "../../support/assessments";
import { createTestDecision } from "../../support/procurement";
import { assignTestResponsibility } from "../../support/responsibilities";
import { createTestSupplier } from "../../support/suppliers";
import { registerFileUpload } from "../../support/use-case-files";
import { createTestUseCase, sampleUseCaseFields } from "../../support/use-cases";
import { changeFor, createPublishableUseCase, publishTestUseCase } from "../../support/publication";
import { proposePublication } from "@/server/domain/public-register/service";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(async () => db?.close());

async function eventsFor(organisationId: string, requestId: string) {
  return inScope(db.prisma, { organisationId }, (tx) =>
    tx.auditEvent.findMany({ where: { organisationId, requestId }, orderBy: { createdAt: "asc" } }),
  );
}

interface Expectation {
  /** Performs the mutation with this request id; returns the organisation it belongs to. */
  run(requestId: string): Promise<string>;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** What a minimal use case (see sampleUseCaseFields) records when it is created, or deleted (reversed). */
function minimalUseCaseChanges(reference: unknown, direction: "created" | "deleted") {
  const values: Record<string, unknown> = {
    reference,
    title: "Chattbot för invånarfrågor",
    publicSummary: "Svarar på vanliga frågor om kommunens tjänster.",
    businessArea: "Kontaktcenter",
    outputUse: "INFORMATION_ONLY",
    lifecycleStage: "IDEA",
    riskClass: "UNDETERMINED",
    annexI: false,
    dpiaDone: false,
    friaDone: false,
    intendedForPublication: false,
  };
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      field,
      direction === "created" ? { before: null, after: value } : { before: value, after: null },
    ]),
  );
}

/** A use case of organisation A, and a caller for one of its members, to change it with. */
async function changeableUseCase(options: { archived?: boolean } = {}) {
  const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin, options);
  return {
    useCase,
    target: { organisationSlug: world.orgA.slug, id: useCase.id, version: useCase.version },
    as: (requestId: string) => callerFor(db.prisma, world.users.admin, requestId),
  };
}

/** An assessment of organisation A answered and submitted by the editor; mutated as the reviewer (or `who`). */
async function changeableAssessment(status: "DRAFT" | "IN_REVIEW" | "APPROVED" = "DRAFT", comment?: string) {
  const assessment = await createTestAssessment(db.prisma, world.orgA, { by: world.users.editor, status, comment });
  return {
    assessment,
    target: { organisationSlug: world.orgA.slug, id: assessment.id, version: assessment.version },
    as: (requestId: string) => callerFor(db.prisma, world.users.reviewer, requestId),
  };
}

/** A caller of organisation A's member `user` for one request. */
const asMember = (user: keyof TenancyWorld["users"]) => (requestId: string) => callerFor(db.prisma, world.users[user], requestId);

async function changeableDecision() {
  const decision = await createTestDecision(db.prisma, world.orgA, world.users.editor);
  return { decision, target: { organisationSlug: world.orgA.slug, id: decision.id, version: decision.version } };
}

async function changeableSupplier() {
  return createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Granskningsstöd" }] });
}

async function changeableAssignment() {
  const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
  const assignment = await assignTestResponsibility(db.prisma, world.orgA, world.users.editor, {
    useCaseId: useCase.id,
    role: "LEGAL",
    external: { name: "Jurist Extern" },
    validFrom: "2026-01-01",
  });
  return { useCase, assignment };
}

/** A publishable use case of organisation A, proposed for publication by its editor. */
async function proposedUseCase() {
  const { id } = await createPublishableUseCase(db.prisma, world.orgA, world.users.admin);
  const proposed = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
    proposePublication(tx, changeFor(world.orgA, world.users.editor, "EDITOR"), { useCaseId: id, version: 0, note: "Klar" }),
  );
  return { organisationSlug: world.orgA.slug, useCaseId: id, version: proposed.version };
}

/** An open report from the public about a published use case of organisation A. */
async function openReport(status: "OPEN" | "CLOSED" = "OPEN") {
  const { useCaseId } = await publishTestUseCase(db.prisma, world.orgA, { editor: world.users.editor, admin: world.users.admin });
  const report = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
    tx.publicReport.create({
      data: { organisationId: world.orgA.id, useCaseId, snapshotVersion: 1, kind: "QUESTION", message: "Hur länge sparas uppgifterna?", status },
    }),
  );
  return { organisationSlug: world.orgA.slug, id: report.id, version: report.version };
}

const expectations: Record<string, () => Promise<Expectation>> = {
  "publication.propose": async () => {
    const { useCase } = await changeableUseCase();
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, world.users.editor, requestId);
        await caller.publication.propose({ organisationSlug: world.orgA.slug, useCaseId: useCase.id, version: 0, note: "Klar att publicera" });
        return world.orgA.id;
      },
      action: "publication.proposed",
      changes: { state: { before: "NONE", after: "PROPOSED" }, proposalNote: { before: null, after: "Klar att publicera" } },
    };
  },
  "publication.setWithholdingReasons": async () => {
    const { useCase } = await changeableUseCase();
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, world.users.editor, requestId);
        await caller.publication.setWithholdingReasons({
          organisationSlug: world.orgA.slug,
          useCaseId: useCase.id,
          version: 0,
          reasons: { supplierName: "ONGOING_PROCUREMENT" },
        });
        return world.orgA.id;
      },
      action: "publication.withholdingReasonsChanged",
      changes: { withholdingReasons: { before: {}, after: { supplierName: "ONGOING_PROCUREMENT" } } },
    };
  },
  "publication.withdraw": async () => {
    const target = await proposedUseCase();
    return {
      async run(requestId) {
        await (await callerFor(db.prisma, world.users.admin, requestId)).publication.withdraw(target);
        return world.orgA.id;
      },
      action: "publication.proposalWithdrawn",
      changes: { state: { before: "PROPOSED", after: "NONE" } },
    };
  },
  "publication.publish": async () => {
    const target = await proposedUseCase();
    return {
      async run(requestId) {
        await (await callerFor(db.prisma, world.users.admin, requestId)).publication.publish(target);
        return world.orgA.id;
      },
      action: "publication.published",
      changes: { state: { before: "PROPOSED", after: "PUBLISHED" }, publishedVersion: { before: null, after: 1 } },
    };
  },
  "publication.retract": async () => {
    const published = await publishTestUseCase(db.prisma, world.orgA, { editor: world.users.editor, admin: world.users.admin });
    return {
      async run(requestId) {
        await (await callerFor(db.prisma, world.users.admin, requestId)).publication.retract({
          organisationSlug: world.orgA.slug,
          useCaseId: published.useCaseId,
          version: published.publicationVersion,
          reason: "Försöket avslutades.",
        });
        return world.orgA.id;
      },
      action: "publication.retracted",
      changes: { state: { before: "PUBLISHED", after: "RETRACTED" }, retractionReason: { before: null, after: "Försöket avslutades." } },
    };
  },
  "publicReports.assign": async () => {
    const target = await openReport();
    return {
      async run(requestId) {
        await (await callerFor(db.prisma, world.users.admin, requestId)).publicReports.assign({ ...target, assigneeId: world.users.editor.id });
        return world.orgA.id;
      },
      action: "publicReport.assigned",
      changes: { assigneeId: { before: null, after: world.users.editor.id } },
    };
  },
  "publicReports.answer": async () => {
    const target = await openReport();
    return {
      async run(requestId) {
        await (await callerFor(db.prisma, world.users.editor, requestId)).publicReports.answer({ ...target, answer: "I tre månader.", emailSender: false });
        return world.orgA.id;
      },
      action: "publicReport.answered",
      changes: { status: { before: "OPEN", after: "ANSWERED" }, answer: { before: null, after: "I tre månader." } },
    };
  },
  "publicReports.close": async () => {
    const target = await openReport();
    return {
      async run(requestId) {
        await (await callerFor(db.prisma, world.users.editor, requestId)).publicReports.close(target);
        return world.orgA.id;
      },
      action: "publicReport.closed",
      changes: { status: { before: "OPEN", after: "CLOSED" } },
    };
  },
  "publicReports.reopen": async () => {
    const target = await openReport("CLOSED");
    return {
      async run(requestId) {
        await (await callerFor(db.prisma, world.users.editor, requestId)).publicReports.reopen(target);
        return world.orgA.id;
      },
      action: "publicReport.reopened",
      changes: { status: { before: "CLOSED", after: "OPEN" } },
    };
  },
  "assessments.setSharing": async () => {
    const { target } = await changeableAssessment("APPROVED");
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).assessments.setSharing({ ...target, shared: true });
        return world.orgA.id;
      },
      action: "assessment.sharingChanged",
      changes: { sharedWithOtherOrganisations: { before: false, after: true } },
    };
  },
  "procurement.create": async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).procurement.create({
          organisationSlug: world.orgA.slug,
          useCaseId: useCase.id,
          fields: { route: "FRAMEWORK_CALL_OFF", frameworkAgreementKey: "adda-programvaror-och-tjanster-2024", estimatedValueSek: 250_000 },
        });
        return world.orgA.id;
      },
      action: "procurementDecision.created",
      changes: {
        route: { before: null, after: "FRAMEWORK_CALL_OFF" },
        status: { before: null, after: "PLANNED" },
        useCaseId: { before: null, after: useCase.id },
        documentLinks: { before: null, after: [] },
        checklistVersion: { before: null, after: 1 },
        estimatedValueSek: { before: null, after: 250_000 },
        frameworkAgreementKey: { before: null, after: "adda-programvaror-och-tjanster-2024" },
        sharedWithOtherOrganisations: { before: null, after: false },
      },
    };
  },
  "procurement.update": async () => {
    const { target } = await changeableDecision();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).procurement.update({
          ...target,
          fields: { route: "FRAMEWORK_CALL_OFF", frameworkAgreementKey: "adda-programvaror-och-tjanster-2024", estimatedValueSek: 300_000, registryNumber: "KS 2025/123", rationale: "Avrop enligt ramavtalets villkor." },
        });
        return world.orgA.id;
      },
      action: "procurementDecision.updated",
      changes: { estimatedValueSek: { before: 250_000, after: 300_000 } },
    };
  },
  "procurement.setRequirement": async () => {
    const { target } = await changeableDecision();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).procurement.setRequirement({
          organisationSlug: target.organisationSlug,
          id: target.id,
          itemKey: "data_location",
          itemVersion: 1,
          required: true,
          status: "MET",
          evidence: "Drift i Sverige.",
        });
        return world.orgA.id;
      },
      action: "procurementRequirement.updated",
      changes: {
        "requirements.data_location": {
          before: { status: "NOT_ASSESSED", evidence: null, required: true },
          after: { status: "MET", evidence: "Drift i Sverige.", required: true },
        },
      },
    };
  },
  "procurement.setStatus": async () => {
    const { target } = await changeableDecision();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).procurement.setStatus({ ...target, status: "CANCELLED" });
        return world.orgA.id;
      },
      action: "procurementDecision.statusChanged",
      changes: { status: { before: "PLANNED", after: "CANCELLED" } },
    };
  },
  "procurement.acceptRisk": async () => {
    const { target } = await changeableDecision();
    return {
      run: async (requestId) => {
        await (await asMember("admin")(requestId)).procurement.acceptRisk({ ...target, reason: "Kraven följs upp i avtalet." });
        return world.orgA.id;
      },
      action: "procurementDecision.riskAccepted",
      changes: {
        riskAcceptedItems: { before: null, after: expect.arrayContaining(["data_location: NOT_ASSESSED", "exit: NOT_ASSESSED"]) },
        riskAcceptanceReason: { before: null, after: "Kraven följs upp i avtalet." },
      },
    };
  },
  "procurement.delete": async () => {
    const { decision, target } = await changeableDecision();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).procurement.delete(target);
        return world.orgA.id;
      },
      action: "procurementDecision.deleted",
      changes: {
        route: { before: "FRAMEWORK_CALL_OFF", after: null },
        status: { before: "PLANNED", after: null },
        rationale: { before: "Avrop enligt ramavtalets villkor.", after: null },
        useCaseId: { before: decision.useCaseId, after: null },
        documentLinks: { before: [], after: null },
        registryNumber: { before: "KS 2025/123", after: null },
        estimatedValueSek: { before: 250_000, after: null },
        frameworkAgreementKey: { before: "adda-programvaror-och-tjanster-2024", after: null },
        sharedWithOtherOrganisations: { before: false, after: null },
      },
    };
  },
  "suppliers.create": async () => ({
    run: async (requestId) => {
      await (await asMember("editor")(requestId)).suppliers.create({
        organisationSlug: world.orgA.slug,
        fields: { name: "Revisionsleverantören AB", country: "SE", organisationNumber: "556677-8899" },
      });
      return world.orgA.id;
    },
    action: "supplier.created",
    changes: {
      name: { before: null, after: "Revisionsleverantören AB" },
      country: { before: null, after: "SE" },
      organisationNumber: { before: null, after: "556677-8899" },
    },
  }),
  "suppliers.update": async () => {
    const { supplier } = await changeableSupplier();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).suppliers.update({
          organisationSlug: world.orgA.slug,
          id: supplier.id,
          version: supplier.version,
          fields: { name: `${supplier.name} Norden`, country: "SE", organisationNumber: null },
        });
        return world.orgA.id;
      },
      action: "supplier.updated",
      changes: { name: { before: supplier.name, after: `${supplier.name} Norden` } },
    };
  },
  "suppliers.createProduct": async () => {
    const { supplier } = await changeableSupplier();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).suppliers.createProduct({
          organisationSlug: world.orgA.slug,
          supplierId: supplier.id,
          fields: { name: "Tolkstöd", hostingLocations: ["SE"], certifications: ["ISO/IEC 27001"] },
        });
        return world.orgA.id;
      },
      action: "supplierProduct.created",
      changes: {
        name: { before: null, after: "Tolkstöd" },
        supplierId: { before: null, after: supplier.id },
        certifications: { before: null, after: ["ISO/IEC 27001"] },
        hostingLocations: { before: null, after: ["SE"] },
      },
    };
  },
  "suppliers.updateProduct": async () => {
    const { products } = await changeableSupplier();
    const product = products[0]!;
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).suppliers.updateProduct({
          organisationSlug: world.orgA.slug,
          id: product.id,
          version: product.version,
          fields: { name: product.name, hostingLocations: ["SE", "FI"], certifications: [] },
        });
        return world.orgA.id;
      },
      action: "supplierProduct.updated",
      changes: { hostingLocations: { before: ["SE"], after: ["SE", "FI"] } },
    };
  },
  "suppliers.platformUpdate": async () => {
    const { supplier } = await changeableSupplier();
    return {
      run: async (requestId) => {
        await (await callerFor(db.prisma, world.users.platformAdmin, requestId)).suppliers.platformUpdate({
          id: supplier.id,
          version: supplier.version,
          fields: { name: `${supplier.name} (rättad)`, country: "SE", organisationNumber: null },
        });
        return world.orgA.id;
      },
      action: "supplier.updated",
      changes: { name: { before: supplier.name, after: `${supplier.name} (rättad)` } },
    };
  },
  "suppliers.platformUpdateProduct": async () => {
    const { products } = await changeableSupplier();
    const product = products[0]!;
    return {
      run: async (requestId) => {
        await (await callerFor(db.prisma, world.users.platformAdmin, requestId)).suppliers.platformUpdateProduct({
          id: product.id,
          version: product.version,
          fields: { name: "Granskningsstöd Pro", hostingLocations: ["SE"], certifications: [] },
        });
        return world.orgA.id;
      },
      action: "supplierProduct.updated",
      changes: { name: { before: "Granskningsstöd", after: "Granskningsstöd Pro" } },
    };
  },
  "responsibilities.assign": async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).responsibilities.assign({
          organisationSlug: world.orgA.slug,
          useCaseId: useCase.id,
          role: "ACCOUNTABLE_OWNER",
          personKind: "MEMBER",
          userId: world.users.admin.id,
          validFrom: "2026-01-01",
        });
        return world.orgA.id;
      },
      action: "responsibility.assigned",
      changes: {
        role: { before: null, after: "ACCOUNTABLE_OWNER" },
        userId: { before: null, after: world.users.admin.id },
        useCaseId: { before: null, after: useCase.id },
        validFrom: { before: null, after: "2026-01-01" },
      },
    };
  },
  "responsibilities.end": async () => {
    const { assignment } = await changeableAssignment();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).responsibilities.end({
          organisationSlug: world.orgA.slug,
          id: assignment.id,
          version: assignment.version,
          validTo: "2026-02-01",
        });
        return world.orgA.id;
      },
      action: "responsibility.ended",
      changes: { validTo: { before: null, after: "2026-02-01" } },
    };
  },
  "responsibilities.update": async () => {
    const { assignment } = await changeableAssignment();
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).responsibilities.update({
          organisationSlug: world.orgA.slug,
          id: assignment.id,
          version: assignment.version,
          validFrom: "2026-01-01",
          validTo: null,
          note: "Ersätter tills vidare.",
        });
        return world.orgA.id;
      },
      action: "responsibility.updated",
      changes: { note: { before: null, after: "Ersätter tills vidare." } },
    };
  },
  "responsibilities.setValueChain": async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    return {
      run: async (requestId) => {
        await (await asMember("editor")(requestId)).responsibilities.setValueChain({
          organisationSlug: world.orgA.slug,
          useCaseId: useCase.id,
          parties: [{ role: "PROVIDER", version: null, holderKind: "OTHER_ORGANISATION", holderName: "Inera AB" }],
        });
        return world.orgA.id;
      },
      action: "valueChain.updated",
      changes: { "valueChain.PROVIDER": { before: null, after: "OTHER_ORGANISATION: Inera AB" } },
    };
  },
  "assessments.start": async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    return {
      run: async (requestId) => {
        await (await callerFor(db.prisma, world.users.editor, requestId)).assessments.start({
          organisationSlug: world.orgA.slug,
          useCaseId: useCase.id,
          templateKind: "AI_ACT_CLASSIFICATION",
          plan: { phase: "DEVELOPMENT", ownerId: world.users.editor.id, dueOn: "2027-01-31" },
        });
        return world.orgA.id;
      },
      action: "assessment.created",
      changes: {
        useCaseId: { before: null, after: useCase.id },
        templateKind: { before: null, after: "AI_ACT_CLASSIFICATION" },
        templateVersion: { before: null, after: 1 },
        seriesVersion: { before: null, after: 1 },
        phase: { before: null, after: "DEVELOPMENT" },
        ownerId: { before: null, after: world.users.editor.id },
        dueOn: { before: null, after: "2027-01-31" },
      },
    };
  },
  "assessments.updatePlan": async () => {
    const { target, as } = await changeableAssessment();
    return {
      run: async (requestId) => {
        await (await as(requestId)).assessments.updatePlan({ ...target, plan: { phase: "OPERATION", ownerId: null, dueOn: "2027-02-28", nextReviewOn: null } });
        return world.orgA.id;
      },
      action: "assessment.updated",
      changes: {
        phase: { before: "DEVELOPMENT", after: "OPERATION" },
        ownerId: { before: world.users.editor.id, after: null },
        dueOn: { before: null, after: "2027-02-28" },
      },
    };
  },
  "assessments.saveAnswer": async () => {
    const { target, as } = await changeableAssessment();
    return {
      run: async (requestId) => {
        await (await as(requestId)).assessments.saveAnswer({
          organisationSlug: target.organisationSlug,
          id: target.id,
          questionKey: "screening_notes",
          answerVersion: null,
          answer: { value: " Anteckning ", comment: null, reference: null },
        });
        return world.orgA.id;
      },
      action: "assessment.answered",
      changes: { "answers.screening_notes": { before: null, after: { value: "Anteckning", comment: null, reference: null } } },
    };
  },
  "assessments.importAnswers": async () => {
    const { target, as } = await changeableAssessment();
    return {
      run: async (requestId) => {
        await (await as(requestId)).assessments.importAnswers({ ...target, content: JSON.stringify({ processes_personal_data: "ja" }) });
        return world.orgA.id;
      },
      action: "assessment.answersImported",
      changes: {
        "answers.processes_personal_data": {
          before: { value: "NO", comment: null, reference: null },
          after: { value: "YES", comment: null, reference: null },
        },
      },
    };
  },
  "assessments.submit": async () => {
    const { target } = await changeableAssessment();
    return {
      run: async (requestId) => {
        await (await callerFor(db.prisma, world.users.editor, requestId)).assessments.submit(target);
        return world.orgA.id;
      },
      action: "assessment.submitted",
      changes: { status: { before: "DRAFT", after: "IN_REVIEW" } },
    };
  },
  "assessments.requestChanges": async () => {
    const { target, as } = await changeableAssessment("IN_REVIEW");
    return {
      run: async (requestId) => {
        await (await as(requestId)).assessments.requestChanges({ ...target, message: "Motivera svaret." });
        return world.orgA.id;
      },
      action: "assessment.changesRequested",
      changes: { status: { before: "IN_REVIEW", after: "CHANGES_REQUESTED" }, message: { before: null, after: "Motivera svaret." } },
    };
  },
  "assessments.approve": async () => {
    const { target, as } = await changeableAssessment("IN_REVIEW");
    return {
      run: async (requestId) => {
        await (await as(requestId)).assessments.approve({ ...target, nextReviewOn: "2027-11-30" });
        return world.orgA.id;
      },
      action: "assessment.approved",
      changes: { status: { before: "IN_REVIEW", after: "APPROVED" }, nextReviewOn: { before: null, after: "2027-11-30" } },
    };
  },
  "assessments.startNextVersion": async () => {
    const { assessment, target } = await changeableAssessment("APPROVED");
    return {
      run: async (requestId) => {
        await (await callerFor(db.prisma, world.users.editor, requestId)).assessments.startNextVersion(target);
        return world.orgA.id;
      },
      action: "assessment.created",
      changes: {
        useCaseId: { before: null, after: assessment.useCaseId },
        templateKind: { before: null, after: "DPIA_SCREENING" },
        templateVersion: { before: null, after: 1 },
        seriesVersion: { before: null, after: 2 },
        previousVersionId: { before: null, after: assessment.id },
        copiedAnswers: { before: null, after: 1 },
        phase: { before: null, after: "DEVELOPMENT" },
        ownerId: { before: null, after: world.users.editor.id },
      },
    };
  },
  "assessments.delete": async () => {
    const { assessment, target } = await changeableAssessment();
    return {
      run: async (requestId) => {
        await (await callerFor(db.prisma, world.users.editor, requestId)).assessments.delete(target);
        return world.orgA.id;
      },
      action: "assessment.deleted",
      changes: {
        templateKind: { before: "DPIA_SCREENING", after: null },
        seriesVersion: { before: 1, after: null },
        useCaseId: { before: assessment.useCaseId, after: null },
      },
    };
  },
  "assessments.comment": async () => {
    const { target, as } = await changeableAssessment("IN_REVIEW");
    return {
      run: async (requestId) => {
        await (await as(requestId)).assessments.comment({ organisationSlug: target.organisationSlug, id: target.id, questionKey: "processes_personal_data", body: "Stämmer detta?" });
        return world.orgA.id;
      },
      action: "assessmentComment.created",
      changes: {
        commentId: { before: null, after: expect.any(String) },
        questionKey: { before: null, after: "processes_personal_data" },
        body: { before: null, after: "Stämmer detta?" },
      },
    };
  },
  "assessments.resolveComment": async () => {
    const { assessment, target } = await changeableAssessment("IN_REVIEW", "Motivera svaret.");
    const comment = await inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.assessmentComment.findFirstOrThrow({ where: { organisationId: world.orgA.id, assessmentId: assessment.id } }),
    );
    return {
      run: async (requestId) => {
        await (await callerFor(db.prisma, world.users.editor, requestId)).assessments.resolveComment({
          organisationSlug: target.organisationSlug,
          id: target.id,
          commentId: comment.id,
        });
        return world.orgA.id;
      },
      action: "assessmentComment.resolved",
      changes: { resolvedAt: { before: null, after: expect.any(String) } },
    };
  },
  "organisations.create": async () => {
    let organisationId = "";
    const organisationNumber = nextOrganisationNumber();
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, world.users.platformAdmin, requestId);
        await caller.organisations.create({
          name: "Myndigheten för revision av prov",
          organisationNumber,
          kind: "CENTRAL_AGENCY",
          sector: "ECONOMY_AND_FINANCE",
          slug: "revision-av-prov",
          firstAdminEmail: "gd@revision.example",
        });
        organisationId = (await inScope(db.prisma, {}, (tx) => tx.organisation.findUniqueOrThrow({ where: { slug: "revision-av-prov" } }))).id;
        return organisationId;
      },
      action: "organisation.created",
      changes: {
        name: { before: null, after: "Myndigheten för revision av prov" },
        organisationNumber: { before: null, after: organisationNumber },
        kind: { before: null, after: "CENTRAL_AGENCY" },
        sector: { before: null, after: "ECONOMY_AND_FINANCE" },
        slug: { before: null, after: "revision-av-prov" },
      },
    };
  },
  "organisations.update": async () => ({
    async run(requestId) {
      const caller = await callerFor(db.prisma, world.users.platformAdmin, requestId);
      const current = await inScope(db.prisma, {}, (tx) => tx.organisation.findUniqueOrThrow({ where: { id: world.orgA.id } }));
      await caller.organisations.update({ ...current, name: "Omdöpt kommun", contactEmail: "registrator@omdopt.example" });
      return world.orgA.id;
    },
    action: "organisation.updated",
    changes: {
      name: { before: expect.any(String), after: "Omdöpt kommun" },
      contactEmail: { before: null, after: "registrator@omdopt.example" },
    },
  }),
  "members.changeRole": async () => {
    const member = await createUser(db.prisma);
    await addMember(db.prisma, world.orgA, member, "VIEWER");
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, world.users.admin, requestId);
        await caller.members.changeRole({ organisationSlug: world.orgA.slug, userId: member.id, role: "EDITOR", version: 1 });
        return world.orgA.id;
      },
      action: "membership.roleChanged",
      changes: { role: { before: "VIEWER", after: "EDITOR" } },
    };
  },
  "members.remove": async () => {
    const member = await createUser(db.prisma);
    await addMember(db.prisma, world.orgA, member, "REVIEWER");
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, world.users.admin, requestId);
        await caller.members.remove({ organisationSlug: world.orgA.slug, userId: member.id, version: 1 });
        return world.orgA.id;
      },
      action: "membership.removed",
      changes: { role: { before: "REVIEWER", after: null }, userId: { before: member.id, after: null } },
    };
  },
  "invitations.create": async () => ({
    async run(requestId) {
      const caller = await callerFor(db.prisma, world.users.admin, requestId);
      await caller.invitations.create({ organisationSlug: world.orgA.slug, email: "Ny.Person@Exempel.example", role: "REVIEWER" });
      return world.orgA.id;
    },
    action: "invitation.created",
    changes: {
      email: { before: null, after: "ny.person@exempel.example" },
      role: { before: null, after: "REVIEWER" },
      expiresAt: { before: null, after: expect.any(String) },
    },
  }),
  "invitations.revoke": async () => {
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, "angrad@exempel.example");
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, world.users.admin, requestId);
        await caller.invitations.revoke({ organisationSlug: world.orgA.slug, invitationId: invitation.id });
        return world.orgA.id;
      },
      action: "invitation.revoked",
      changes: { revokedAt: { before: null, after: expect.any(String) } },
    };
  },
  "invitations.accept": async () => {
    const invitee = await createUser(db.prisma);
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, invitee.email, "EDITOR");
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, invitee, requestId);
        await caller.invitations.accept({ organisationSlug: world.orgA.slug, token: invitation.token });
        return world.orgA.id;
      },
      action: "membership.created",
      changes: { userId: { before: null, after: invitee.id }, role: { before: null, after: "EDITOR" } },
    };
  },
  "invitations.acceptAsNewUser": async () => {
    const invitation = await inviteTo(db.prisma, world.orgA, world.users.admin, "helt.ny@exempel.example", "VIEWER");
    return {
      async run(requestId) {
        const caller = await callerFor(db.prisma, null, requestId);
        await caller.invitations.acceptAsNewUser({
          organisationSlug: world.orgA.slug,
          token: invitation.token,
          name: "Helt Ny",
          password: "ett långt lösenord för Tillit, november 2026",
        });
        return world.orgA.id;
      },
      action: "user.created",
      changes: { email: { before: null, after: "helt.ny@exempel.example" }, name: { before: null, after: "Helt Ny" } },
    };
  },
  "useCases.create": async () => ({
    async run(requestId) {
      const caller = await callerFor(db.prisma, world.users.editor, requestId);
      await caller.useCases.create({ organisationSlug: world.orgA.slug, useCase: sampleUseCaseFields() });
      return world.orgA.id;
    },
    action: "useCase.created",
    changes: minimalUseCaseChanges(expect.stringMatching(/^AI-\d{4}-\d{3}$/), "created"),
  }),
  "useCases.update": async () => {
    const { target, as } = await changeableUseCase();
    return {
      async run(requestId) {
        await (await as(requestId)).useCases.update({ ...target, useCase: sampleUseCaseFields({ title: "Ny titel", tags: ["chatt"] }) });
        return world.orgA.id;
      },
      action: "useCase.updated",
      changes: { title: { before: "Chattbot för invånarfrågor", after: "Ny titel" }, tags: { before: null, after: ["chatt"] } },
    };
  },
  "useCases.archive": async () => {
    const { target, as } = await changeableUseCase();
    return {
      async run(requestId) {
        await (await as(requestId)).useCases.archive(target);
        return world.orgA.id;
      },
      action: "useCase.archived",
      changes: { archivedAt: { before: null, after: expect.any(String) } },
    };
  },
  "useCases.restore": async () => {
    const { target, as } = await changeableUseCase({ archived: true });
    return {
      async run(requestId) {
        await (await as(requestId)).useCases.restore(target);
        return world.orgA.id;
      },
      action: "useCase.restored",
      changes: { archivedAt: { before: expect.any(String), after: null } },
    };
  },
  "useCases.shareWithOversight": async () => {
    const { target, as } = await changeableUseCase();
    return {
      async run(requestId) {
        await (await as(requestId)).useCases.shareWithOversight({ ...target, shared: true });
        return world.orgA.id;
      },
      action: "useCase.oversightSharingChanged",
      changes: { sharedWithOversight: { before: false, after: true } },
    };
  },
  "useCases.delete": async () => {
    const { useCase, target, as } = await changeableUseCase();
    return {
      async run(requestId) {
        await (await as(requestId)).useCases.delete(target);
        return world.orgA.id;
      },
      action: "useCase.deleted",
      changes: minimalUseCaseChanges(useCase.reference, "deleted"),
    };
  },
  "useCaseFiles.import": async () => ({
    // A one-row file: the import writes one "useCase.created" per row, through the register's service.
    async run(requestId) {
      const caller = await callerFor(db.prisma, world.users.editor, requestId);
      await caller.useCaseFiles.import({ organisationSlug: world.orgA.slug, ...(await registerFileUpload()) });
      return world.orgA.id;
    },
    action: "useCase.created",
    changes: minimalUseCaseChanges(expect.stringMatching(/^AI-\d{4}-\d{3}$/), "created"),
  }),
};

/** Mutations that only read (a mutation because a file travels in the body): they must write nothing. */
const readOnlyMutations: Record<string, (requestId: string) => Promise<string>> = {
  "useCaseFiles.previewImport": async (requestId) => {
    const caller = await callerFor(db.prisma, world.users.editor, requestId);
    await caller.useCaseFiles.previewImport({ organisationSlug: world.orgA.slug, ...(await registerFileUpload()) });
    return world.orgA.id;
  },
  // Recomputes DIGG's maintained aggregates: no organisation's record changes, and it concerns no
  // organisation, so it has no organisation's audit trail to write to (the server logs it).
  "overview.refreshOversight": async (requestId) => {
    const caller = await callerFor(db.prisma, world.users.oversight, requestId);
    await caller.overview.refreshOversight();
    return world.orgA.id;
  },
};

const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([path, procedure]) => procedure._def.type === "mutation" && !(path in readOnlyMutations))
  .map(([path]) => path);

describe("audit log", () => {
  it.each(mutations)("%s writes exactly one matching audit event with before and after", async (path) => {
    const expectation = expectations[path];
    expect(expectation, `add an audit expectation for the mutation ${path}`).toBeDefined();
    const { run, action, changes } = await expectation!();
    const requestId: string = crypto.randomUUID();
    const organisationId = await run(requestId);
    const events = await eventsFor(organisationId, requestId);
    const matching = events.filter((event) => event.action === action);
    expect(matching).toHaveLength(1);
    expect(matching[0]!.changes).toEqual(changes);
    expect(matching[0]!.actorLabel).not.toBe("");
  });

  it.each(Object.keys(readOnlyMutations))("%s writes no audit event", async (path) => {
    const requestId: string = crypto.randomUUID();
    const organisationId = await readOnlyMutations[path]!(requestId);
    expect(await eventsFor(organisationId, requestId)).toEqual([]);
  });

  it("writes nothing when the mutation fails (same transaction)", async () => {
    const requestId: string = crypto.randomUUID();
    const caller = await callerFor(db.prisma, world.users.admin, requestId);
    const lastAdmin = await createOrganisation(db.prisma, nextOrganisationNumber());
    await addMember(db.prisma, lastAdmin, world.users.admin, "ADMIN");
    await expect(
      caller.members.changeRole({ organisationSlug: lastAdmin.slug, userId: world.users.admin.id, role: "VIEWER", version: 1 }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/at least one administrator/),
      cause: { problems: [expect.objectContaining({ field: "role", code: "membership.lastAdmin" })] },
    });
    expect(await eventsFor(lastAdmin.id, requestId)).toEqual([]);
  });

  it("is append-only for the app role: UPDATE and DELETE are refused", async () => {
    const update = inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "organisationId" = ${world.orgA.id}::uuid`,
    );
    await expect(update).rejects.toThrow(/permission denied/);
    const remove = inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
      tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "organisationId" = ${world.orgA.id}::uuid`,
    );
    await expect(remove).rejects.toThrow(/permission denied/);
  });
});
