/**
 * Procurement decisions through the API, against PostgreSQL: the direct-award limit with
 * its refusal and legal exception, the checklist blocking approval and an ADMIN's audited
 * risk acceptance (an EDITOR refused), conflicts on stale versions, the catalogue link
 * checked, and another organisation's decision answering NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { createTestDatabase } from "../../support/database";
import { createTestDecision } from "../../support/procurement";
import { callerFor, createTenancyWorld, type TenancyWorld, type TestUser } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let world: TenancyWorld;
let catalogue: { supplierId: string; productId: string; otherProductId: string };

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
  // The catalogue belongs to its own area: written here as the database owner.
  const supplier = await db.owner.supplier.create({ data: { name: "Kommunchatt Sverige AB", country: "SE", products: { create: { name: "Kommunchatt" } } }, include: { products: true } });
  const other = await db.owner.supplier.create({ data: { name: "Annan AB", country: "SE", products: { create: { name: "Annat" } } }, include: { products: true } });
  catalogue = { supplierId: supplier.id, productId: supplier.products[0]!.id, otherProductId: other.products[0]!.id };
});
afterAll(async () => db?.close());

const as = (user: TestUser) => callerFor(db.prisma, user);
const slug = () => world.orgA.slug;
const fieldsOf = (overrides: Record<string, unknown>) => ({ route: "DIRECT_AWARD" as const, decidedOn: "2025-06-01", ...overrides });

async function auditActions(entityId: string) {
  return inScope(db.prisma, { organisationId: world.orgA.id }, (tx) =>
    tx.auditEvent.findMany({ where: { organisationId: world.orgA.id, entityId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, changes: true } }),
  );
}

async function answerAll(user: TestUser, id: string, status: "MET" | "NOT_MET" = "MET") {
  const caller = await as(user);
  const view = await caller.procurement.get({ organisationSlug: slug(), id });
  for (const item of view.checklist.items.filter((candidate) => candidate.required)) {
    await caller.procurement.setRequirement({
      organisationSlug: slug(),
      id,
      itemKey: item.itemKey,
      itemVersion: item.version,
      required: true,
      status: item.itemKey === "exit" ? status : "MET",
      evidence: "Se avtalsbilaga 3.",
    });
  }
}

describe("threshold check", () => {
  it("refuses a 900 000 SEK direct award by a municipality, with the reason and the figures", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    const editor = await as(world.users.editor);
    await expect(
      editor.procurement.create({ organisationSlug: slug(), useCaseId: useCase.id, fields: fieldsOf({ estimatedValueSek: 900_000 }) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        problems: [
          expect.objectContaining({
            field: "estimatedValueSek",
            code: "procurement.directAwardAboveLimit",
            values: expect.objectContaining({ value: "900 000", limit: "700 000" }),
            message: expect.stringContaining("direct-award limit of 700 000 SEK"),
          }),
        ],
      },
    });
    expect((await editor.procurement.forUseCase({ organisationSlug: slug(), useCaseId: useCase.id })).decisions).toEqual([]);
  });

  it("allows it with a legal exception and its justification, and allows 700 000 exactly", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    const editor = await as(world.users.editor);
    await expect(
      editor.procurement.create({ organisationSlug: slug(), useCaseId: useCase.id, fields: fieldsOf({ estimatedValueSek: 900_000, legalException: "LOU 6 kap. 14 §" }) }),
    ).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "procurement.justificationRequired" }), expect.anything()] } });
    const { id } = await editor.procurement.create({
      organisationSlug: slug(),
      useCaseId: useCase.id,
      fields: fieldsOf({ estimatedValueSek: 900_000, legalException: "LOU 6 kap. 14 §", legalExceptionJustification: "Synnerlig brådska efter en driftstörning." }),
    });
    const view = await editor.procurement.get({ organisationSlug: slug(), id });
    expect(view.thresholds.check).toMatchObject({
      directAward: { limitSek: 700_000, allowed: false },
      documentation: { required: true },
      eu: { kind: "otherContractingAuthorities", thresholdSek: 2_389_585, exceeded: false },
      period: { source: "Upphandlingsmyndigheten, tröskelvärden 2024–2025" },
    });
    await editor.procurement.create({ organisationSlug: slug(), useCaseId: useCase.id, fields: fieldsOf({ estimatedValueSek: 700_000 }) });
  });

  it("answers the form's live check for the caller's organisation, and refuses a day outside every period", async () => {
    const viewer = await as(world.users.viewer);
    expect(await viewer.procurement.thresholdCheck({ organisationSlug: slug(), valueSek: 2_389_585, on: "2025-12-31" })).toMatchObject({ eu: { exceeded: true } });
    await expect(viewer.procurement.thresholdCheck({ organisationSlug: slug(), valueSek: 1, on: "2023-12-31" })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "procurement.noThresholdPeriod" })] },
    });
  });
});

describe("supplier and product", () => {
  it("accepts a product of the supplier and refuses another's", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin);
    const editor = await as(world.users.editor);
    const base = { route: "FRAMEWORK_CALL_OFF" as const, frameworkAgreementKey: "adda-programvaror-och-tjanster-2024", estimatedValueSek: 300_000 };
    await expect(
      editor.procurement.create({ organisationSlug: slug(), useCaseId: useCase.id, fields: { ...base, supplierId: catalogue.supplierId, productId: catalogue.otherProductId } }),
    ).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ field: "productId", code: "procurement.productNotOfSupplier" })] } });
    const { id } = await editor.procurement.create({
      organisationSlug: slug(),
      useCaseId: useCase.id,
      fields: { ...base, supplierId: catalogue.supplierId, productId: catalogue.productId },
    });
    const view = await editor.procurement.get({ organisationSlug: slug(), id });
    expect(view).toMatchObject({ supplier: { name: "Kommunchatt Sverige AB" }, product: { name: "Kommunchatt" }, frameworkAgreement: { body: "ADDA" } });
  });
});

describe("checklist and approval", () => {
  it("blocks approval while required items are not met or not assessed, and approves once they are", async () => {
    const decision = await createTestDecision(db.prisma, world.orgA, world.users.editor);
    const editor = await as(world.users.editor);
    const first = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    expect(first.blocking.length).toBeGreaterThan(0);
    await expect(editor.procurement.setStatus({ organisationSlug: slug(), id: decision.id, version: first.version, status: "APPROVED" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { problems: [expect.objectContaining({ field: "requirements", code: "procurement.requirementsNotMet" })] },
    });
    const item = first.checklist.items.find((candidate) => candidate.itemKey === "processor_agreement")!;
    await expect(
      editor.procurement.setRequirement({ organisationSlug: slug(), id: decision.id, itemKey: item.itemKey, itemVersion: item.version, required: true, status: "MET", evidence: null }),
    ).rejects.toMatchObject({ cause: { problems: [expect.objectContaining({ code: "procurement.evidenceRequired" })] } });

    await answerAll(world.users.editor, decision.id);
    const ready = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    expect(ready.blocking).toEqual([]);
    await editor.procurement.setStatus({ organisationSlug: slug(), id: decision.id, version: ready.version, status: "APPROVED", decidedOn: "2025-06-02" });
    const approved = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    expect(approved).toMatchObject({ status: "APPROVED", decidedOn: "2025-06-02" });
    // Decided: locked, not deletable; only cancelling remains.
    await expect(editor.procurement.update({ organisationSlug: slug(), id: decision.id, version: approved.version, fields: { route: "OWN_DEVELOPMENT" } })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "procurement.locked" })] },
    });
    await expect(editor.procurement.delete({ organisationSlug: slug(), id: decision.id, version: approved.version })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "procurement.onlyPlannedDeletable" })] },
    });
    await expect(editor.procurement.setStatus({ organisationSlug: slug(), id: decision.id, version: approved.version, status: "REJECTED" })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "procurement.invalidTransition" })] },
    });
    await editor.procurement.setStatus({ organisationSlug: slug(), id: decision.id, version: approved.version, status: "CANCELLED" });
  });

  it("lets an ADMIN accept the risk with a reason (audited), refuses an EDITOR, and clears the acceptance when the checklist changes", async () => {
    const decision = await createTestDecision(db.prisma, world.orgA, world.users.editor);
    await answerAll(world.users.editor, decision.id, "NOT_MET");
    const editor = await as(world.users.editor);
    const admin = await as(world.users.admin);
    let view = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    expect(view.blocking).toEqual(["exit"]);

    await expect(editor.procurement.acceptRisk({ organisationSlug: slug(), id: decision.id, version: view.version, reason: "Vi tar risken." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.procurement.acceptRisk({ organisationSlug: slug(), id: decision.id, version: view.version, reason: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await admin.procurement.acceptRisk({ organisationSlug: slug(), id: decision.id, version: view.version, reason: "Exit regleras i nästa avtalsversion; beslutat av CIO." });
    view = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    expect(view.riskAcceptance).toMatchObject({ by: { id: world.users.admin.id }, reason: "Exit regleras i nästa avtalsversion; beslutat av CIO." });
    const accepted = (await auditActions(decision.id)).find((event) => event.action === "procurementDecision.riskAccepted");
    expect(accepted).toMatchObject({
      actorId: world.users.admin.id,
      changes: { riskAcceptanceReason: { before: null, after: "Exit regleras i nästa avtalsversion; beslutat av CIO." }, riskAcceptedItems: { after: ["exit: NOT_MET"] } },
    });

    // A changed required answer clears the acceptance: it covered the checklist as it was.
    const exit = view.checklist.items.find((item) => item.itemKey === "exit")!;
    const logging = view.checklist.items.find((item) => item.itemKey === "logging")!;
    await editor.procurement.setRequirement({ organisationSlug: slug(), id: decision.id, itemKey: "logging", itemVersion: logging.version, required: true, status: "NOT_MET", evidence: null });
    view = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    expect(view.riskAcceptance).toBeNull();
    expect(view.blocking).toEqual(["logging", "exit"]);
    await admin.procurement.acceptRisk({ organisationSlug: slug(), id: decision.id, version: view.version, reason: "Loggning och exit kompletteras före driftstart." });
    view = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    await editor.procurement.setStatus({ organisationSlug: slug(), id: decision.id, version: view.version, status: "APPROVED" });
    expect((await editor.procurement.get({ organisationSlug: slug(), id: decision.id })).status).toBe("APPROVED");
    expect(exit.blocking).toBe(true);
    expect((await auditActions(decision.id)).map((event) => event.action)).toEqual(
      expect.arrayContaining(["procurementDecision.created", "procurementRequirement.updated", "procurementDecision.riskAccepted", "procurementDecision.statusChanged"]),
    );
  });

  it("refuses an acceptance when nothing blocks", async () => {
    const decision = await createTestDecision(db.prisma, world.orgA, world.users.editor);
    await answerAll(world.users.editor, decision.id);
    const admin = await as(world.users.admin);
    const view = await admin.procurement.get({ organisationSlug: slug(), id: decision.id });
    await expect(admin.procurement.acceptRisk({ organisationSlug: slug(), id: decision.id, version: view.version, reason: "Onödigt." })).rejects.toMatchObject({
      cause: { problems: [expect.objectContaining({ code: "procurement.nothingToAccept" })] },
    });
  });
});

describe("versions and tenancy", () => {
  it("refuses stale versions of the decision and of a checklist item with CONFLICT", async () => {
    const decision = await createTestDecision(db.prisma, world.orgA, world.users.editor);
    const editor = await as(world.users.editor);
    const admin = await as(world.users.admin);
    const fields = { route: "FRAMEWORK_CALL_OFF" as const, frameworkAgreementKey: "adda-programvaror-och-tjanster-2024", estimatedValueSek: 260_000 };
    await admin.procurement.update({ organisationSlug: slug(), id: decision.id, version: decision.version, fields });
    await expect(editor.procurement.update({ organisationSlug: slug(), id: decision.id, version: decision.version, fields })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { changedBy: expect.stringContaining(world.users.admin.email) } },
    });
    const view = await editor.procurement.get({ organisationSlug: slug(), id: decision.id });
    const item = view.checklist.items[0]!;
    const answer = { organisationSlug: slug(), id: decision.id, itemKey: item.itemKey, itemVersion: item.version, required: true, status: "NOT_MET" as const, evidence: null };
    await admin.procurement.setRequirement(answer);
    await expect(editor.procurement.setRequirement(answer)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(editor.procurement.setStatus({ organisationSlug: slug(), id: decision.id, version: decision.version, status: "CANCELLED" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("deletes a planned decision (audited), and answers NOT_FOUND for another organisation's decision", async () => {
    const decision = await createTestDecision(db.prisma, world.orgA, world.users.editor);
    const outsider = await as(world.users.outsider);
    await expect(outsider.procurement.get({ organisationSlug: world.orgB.slug, id: decision.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      outsider.procurement.setStatus({ organisationSlug: world.orgB.slug, id: decision.id, version: decision.version, status: "CANCELLED" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.procurement.get({ organisationSlug: slug(), id: decision.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const viewer = await as(world.users.viewer);
    await expect(viewer.procurement.delete({ organisationSlug: slug(), id: decision.id, version: decision.version })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await (await as(world.users.editor)).procurement.delete({ organisationSlug: slug(), id: decision.id, version: decision.version });
    await expect(viewer.procurement.get({ organisationSlug: slug(), id: decision.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await auditActions(decision.id)).map((event) => event.action)).toContain("procurementDecision.deleted");
  });
});
