/**
 * The product page's cross-organisation view, against PostgreSQL: another organisation's
 * approved assessment of a use case whose procurement decision names the product appears
 * only once that organisation shares it; a draft never does; the usage count counts other
 * organisations only, each once; checklists appear only when shared.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProcurementDecisionStatus } from "@/server/db/generated/enums";
import { inScope } from "@/server/db/scope";
import { createTestAssessment } from "../../support/assessments";
import { createTestDatabase } from "../../support/database";
import { createTestSupplier } from "../../support/suppliers";
import {
  addMember,
  callerFor,
  createOrganisation,
  createTenancyWorld,
  createUser,
  nextOrganisationNumber,
  type TenancyWorld,
  type TestOrganisation,
  type TestUser,
} from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let orgC: TestOrganisation;
let adminC: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  orgC = await createOrganisation(db.prisma, nextOrganisationNumber());
  adminC = await createUser(db.prisma);
  await addMember(db.prisma, orgC, adminC, "ADMIN");
});
afterAll(async () => db?.close());

const as = (user: TestUser) => callerFor(db.prisma, user);

/** A procurement decision naming the product (written directly: the procurement service is another area's). */
async function decide(
  organisation: TestOrganisation,
  by: TestUser,
  product: { id: string; supplierId: string },
  options: { useCaseId?: string; status?: ProcurementDecisionStatus; shared?: boolean; items?: { itemKey: string; status: "MET" | "NOT_MET"; evidence?: string }[] } = {},
) {
  const useCaseId = options.useCaseId ?? (await createTestUseCase(db.prisma, organisation, by)).id;
  return inScope(db.prisma, { organisationId: organisation.id }, async (tx) => {
    const decision = await tx.procurementDecision.create({
      data: {
        organisationId: organisation.id,
        useCaseId,
        route: "FRAMEWORK_CALL_OFF",
        supplierId: product.supplierId,
        productId: product.id,
        status: options.status ?? "APPROVED",
        decidedOn: new Date("2026-03-01T00:00:00.000Z"),
        checklistVersion: 1,
        sharedWithOtherOrganisations: options.shared ?? false,
      },
    });
    for (const item of options.items ?? []) {
      await tx.procurementRequirement.create({
        data: { organisationId: organisation.id, decisionId: decision.id, itemKey: item.itemKey, required: true, status: item.status, evidence: item.evidence ?? null },
      });
    }
    return { id: decision.id, useCaseId };
  });
}

async function productPageOfA(productId: string) {
  return (await as(world.users.viewer)).suppliers.product({ organisationSlug: world.orgA.slug, id: productId });
}

describe("product page: shared assessments", () => {
  it("shows B's approved assessment only once B shares it, and never a draft", async () => {
    const { products } = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Delad produkt" }] });
    const product = products[0]!;
    const decision = await decide(world.orgB, world.users.outsider, product);
    const approved = await createTestAssessment(db.prisma, world.orgB, { by: world.users.outsider, status: "APPROVED", useCaseId: decision.useCaseId });
    const draft = await createTestAssessment(db.prisma, world.orgB, { by: world.users.outsider, status: "DRAFT", useCaseId: decision.useCaseId, kind: "TRUST_MODEL" });
    // A draft marked shared (as no service would allow) is still never shown.
    await inScope(db.prisma, { organisationId: world.orgB.id }, (tx) =>
      tx.assessment.update({ where: { organisationId_id: { organisationId: world.orgB.id, id: draft.id } }, data: { sharedWithOtherOrganisations: true } }),
    );

    const before = await productPageOfA(product.id);
    expect(before.usedByOtherOrganisations).toBe(1);
    expect(before.sharedAssessments).toEqual([]);

    const caller = await as(world.users.outsider);
    await expect(
      caller.assessments.setSharing({ organisationSlug: world.orgB.slug, id: draft.id, version: draft.version, shared: true }),
    ).resolves.toMatchObject({ shared: true }); // already flagged directly: no change, nothing new shown
    const draftOnly = await createTestAssessment(db.prisma, world.orgB, { by: world.users.outsider, status: "IN_REVIEW", useCaseId: decision.useCaseId, kind: "FRIA" });
    const refused = await caller.assessments
      .setSharing({ organisationSlug: world.orgB.slug, id: draftOnly.id, version: draftOnly.version, shared: true })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "BAD_REQUEST", cause: { problems: [{ field: "shared", code: "supplier.onlyApprovedShareable" }] } });

    const shared = await caller.assessments.setSharing({ organisationSlug: world.orgB.slug, id: approved.id, version: approved.version, shared: true });
    expect(shared).toEqual({ id: approved.id, version: approved.version + 1, shared: true, shareable: true });

    const after = await productPageOfA(product.id);
    expect(after.sharedAssessments).toHaveLength(1);
    expect(after.sharedAssessments[0]).toMatchObject({
      assessmentId: approved.id,
      organisationName: `Organisation ${world.orgB.slug}`,
      templateKind: "DPIA_SCREENING",
    });
    expect(after.sharedAssessments.map((a) => a.assessmentId)).not.toContain(draft.id);

    const events = await inScope(db.prisma, { organisationId: world.orgB.id }, (tx) =>
      tx.auditEvent.findMany({ where: { organisationId: world.orgB.id, entityId: approved.id }, select: { action: true, changes: true } }),
    );
    expect(events).toEqual([{ action: "assessment.sharingChanged", changes: { sharedWithOtherOrganisations: { before: false, after: true } } }]);

    // A stale version is a conflict; stopping sharing hides it again.
    await expect(
      caller.assessments.setSharing({ organisationSlug: world.orgB.slug, id: approved.id, version: approved.version, shared: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.assessments.setSharing({ organisationSlug: world.orgB.slug, id: approved.id, version: approved.version + 1, shared: false });
    expect((await productPageOfA(product.id)).sharedAssessments).toEqual([]);
  });

  it("never shows an organisation its own assessments as another's, and refuses sharing to those who may not manage", async () => {
    const { products } = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Egen produkt" }] });
    const product = products[0]!;
    const decision = await decide(world.orgA, world.users.admin, product);
    const own = await createTestAssessment(db.prisma, world.orgA, { by: world.users.editor, status: "APPROVED", useCaseId: decision.useCaseId });
    await expect(
      (await as(world.users.viewer)).assessments.setSharing({ organisationSlug: world.orgA.slug, id: own.id, version: own.version, shared: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await (await as(world.users.editor)).assessments.setSharing({ organisationSlug: world.orgA.slug, id: own.id, version: own.version, shared: true });
    const page = await productPageOfA(product.id);
    expect(page.usedByOtherOrganisations).toBe(0);
    expect(page.sharedAssessments).toEqual([]);
    expect(page.ownDecisions.map((d) => d.id)).toEqual([decision.id]);
    // Another organisation cannot share (or even find) A's assessment.
    await expect(
      (await as(world.users.outsider)).assessments.setSharing({ organisationSlug: world.orgB.slug, id: own.id, version: own.version + 1, shared: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("product page: usage and checklists", () => {
  it("counts other organisations once each, leaving out cancelled and rejected decisions", async () => {
    const { products } = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Populär produkt" }] });
    const product = products[0]!;
    await decide(world.orgA, world.users.admin, product);
    await decide(world.orgB, world.users.outsider, product);
    await decide(world.orgB, world.users.outsider, product, { status: "PLANNED" });
    await decide(orgC, adminC, product, { status: "CANCELLED" });
    expect((await productPageOfA(product.id)).usedByOtherOrganisations).toBe(1);
    await decide(orgC, adminC, product, { status: "PLANNED" });
    expect((await productPageOfA(product.id)).usedByOtherOrganisations).toBe(2);
  });

  it("shows another organisation's checklist only when it is shared", async () => {
    const { products } = await createTestSupplier(db.prisma, world.orgA, world.users.editor, { products: [{ name: "Checklistprodukt" }] });
    const product = products[0]!;
    await decide(world.orgB, world.users.outsider, product, { items: [{ itemKey: "hidden_item", status: "MET" }] });
    await decide(orgC, adminC, product, { shared: true, items: [{ itemKey: "data_location", status: "MET", evidence: "Avtal bilaga 3" }] });
    const page = await productPageOfA(product.id);
    expect(page.sharedChecklists).toEqual([
      {
        decisionId: expect.any(String),
        organisationName: `Organisation ${orgC.slug}`,
        route: "FRAMEWORK_CALL_OFF",
        status: "APPROVED",
        decidedOn: "2026-03-01",
        checklistVersion: 1,
        items: [{ itemKey: "data_location", required: true, status: "MET", evidence: "Avtal bilaga 3" }],
      },
    ]);
  });

  it("answers NOT_FOUND for a product that does not exist", async () => {
    await expect(productPageOfA("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
