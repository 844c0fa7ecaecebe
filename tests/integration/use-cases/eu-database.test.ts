/**
 * The EU database registration (AI Act Annex VIII C) filled from the record: every field of
 * section C, from the organisation, the approved FRIA and the catalogued product; what the
 * record lacks is listed; only admins and editors of the organisation may read it.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "@/server/db/scope";
import { euDatabaseRegistration, registrationExport } from "@/server/domain/use-cases/eu-database";
import { createTestAssessment } from "../../support/assessments";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { callerFor, createTenancyWorld, type TenancyWorld } from "../../support/tenancy";
import { createTestUseCase } from "../../support/use-cases";

let db: TestDatabase;
let world: TenancyWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createTenancyWorld(db.prisma);
});
afterAll(() => db?.close());

const read = (useCaseId: string) => inScope(db.prisma, { organisationId: world.orgA.id }, (tx) => euDatabaseRegistration(tx, world.orgA.id, useCaseId));

describe("EU database registration", () => {
  it("fills section C from the organisation, the approved FRIA and the product, and lists what is missing", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin, {
      fields: { riskClass: "HIGH_RISK", annexIIIArea: "ESSENTIAL_SERVICES", riskClassJustification: "Bedömer rätt till bistånd." },
    });
    const empty = await read(useCase.id);
    expect(empty.applicable).toBe(true);
    expect(empty.fields.map((field) => field.point)).toEqual(["1", "1", "1", "2", "2", "2", "3", "3", "4", "5"]);
    expect(empty.missing).toEqual([
      "deployer.address",
      "deployer.contact",
      "submitter.name",
      "submitter.address",
      "submitter.contact",
      "provider.entryUrl",
      "provider.registrationNumber",
      "fria.summary",
      "dpia.summary",
    ]);

    // Fixtures the app may not write as this organisation: the organisation record (a platform
    // admin's) and a catalogue entry of no organisation's.
    await db.owner.organisation.update({
      where: { id: world.orgA.id },
      data: { postalAddress: "Box 1, 111 11 Stad", contactEmail: "registrator@kommun.example" },
    });
    const supplier = await db.owner.supplier.create({ data: { name: "Leverantör AB", country: "SE" } });
    const product = await db.owner.supplierProduct.create({
      data: { supplierId: supplier.id, name: "Bedömningsstöd", hostingLocations: ["SE"], certifications: [], euDatabaseRegistrationNumber: "EU-AI-000123" },
    });
    await inScope(db.prisma, { organisationId: world.orgA.id }, async (tx) => {
      await tx.procurementDecision.create({
        data: { organisationId: world.orgA.id, useCaseId: useCase.id, route: "DIRECT_AWARD", supplierId: supplier.id, productId: product.id, checklistVersion: 1 },
      });
    });
    await createTestAssessment(db.prisma, world.orgA, {
      by: world.users.editor,
      status: "APPROVED",
      kind: "FRIA",
      useCaseId: useCase.id,
      answers: {
        fria_processes: "Handläggning av ansökningar om bistånd.",
        fria_risks_of_harm: "Felaktiga avslag.",
        registration_contact_name: "Eva Registrator",
        registration_contact_email: "eva@kommun.example",
        eu_database_url: "https://eu-database.example/systems/123",
        dpia_summary: "DPIA genomförd 2026; restrisk låg.",
      },
    });

    const filled = await read(useCase.id);
    expect(filled.missing).toEqual([]);
    const exported = registrationExport(filled);
    expect(exported.fields).toMatchObject({
      "deployer.name": expect.any(String),
      "deployer.address": "Box 1, 111 11 Stad",
      "deployer.contact": "registrator@kommun.example",
      "submitter.name": "Eva Registrator",
      "submitter.contact": "eva@kommun.example",
      "provider.entryUrl": "https://eu-database.example/systems/123",
      "provider.registrationNumber": "EU-AI-000123",
      "dpia.summary": "DPIA genomförd 2026; restrisk låg.",
    });
    expect(exported.fields["fria.summary"]).toContain("Handläggning av ansökningar om bistånd.");
    expect(exported.fields["fria.summary"]).toContain("Felaktiga avslag.");
  });

  it("says when registration does not apply, and which section a law-enforcement use goes in", async () => {
    const minimal = await createTestUseCase(db.prisma, world.orgA, world.users.admin, { fields: { riskClass: "MINIMAL", riskClassJustification: "Ger bara information." } });
    expect((await read(minimal.id)).applicable).toBe(false);
    const police = await createTestUseCase(db.prisma, world.orgA, world.users.admin, {
      fields: { riskClass: "HIGH_RISK", annexIIIArea: "LAW_ENFORCEMENT", riskClassJustification: "Riskbedömning av personer." },
    });
    expect((await read(police.id)).nonPublicSection).toBe(true);
  });

  it("is for the organisation's admins and editors only", async () => {
    const useCase = await createTestUseCase(db.prisma, world.orgA, world.users.admin, {
      fields: { riskClass: "HIGH_RISK", annexIIIArea: "EMPLOYMENT", riskClassJustification: "Urval av sökande." },
    });
    const input = { organisationSlug: world.orgA.slug, useCaseId: useCase.id };
    await expect((await callerFor(db.prisma, world.users.editor)).useCaseFiles.euDatabaseRegistration(input)).resolves.toMatchObject({ applicable: true });
    await expect((await callerFor(db.prisma, world.users.viewer)).useCaseFiles.euDatabaseRegistration(input)).rejects.toBeInstanceOf(TRPCError);
    await expect((await callerFor(db.prisma, world.users.outsider)).useCaseFiles.euDatabaseRegistration(input)).rejects.toBeInstanceOf(TRPCError);
  });
});
