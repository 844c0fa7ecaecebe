/** Published use cases for integration tests, made through the publication workflow's own services. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/client";
import type { OrganisationRole } from "@/server/db/generated/enums";
import { inScope } from "@/server/db/scope";
import { proposePublication, publish } from "@/server/domain/public-register/service";
import type { UseCaseFieldsInput } from "@/server/domain/use-cases/schemas";
import { createTestAssessment } from "./assessments";
import type { TestOrganisation, TestUser } from "./tenancy";
import { createTestUseCase } from "./use-cases";

/** A use case with every field publication requires, plus any given. */
export function publishableFields(overrides: Partial<UseCaseFieldsInput> = {}): Partial<UseCaseFieldsInput> {
  return {
    title: "Chattbot för invånarfrågor",
    publicSummary: "Svarar på vanliga frågor om kommunens tjänster dygnet runt.",
    problemAndBenefit: "Invånare får svar snabbare och handläggarna får mer tid för svåra ärenden.",
    humanOversight: "En handläggare läser ett urval av svaren varje vecka.",
    description: "Den interna beskrivningen av chattboten.",
    riskClass: "MINIMAL",
    riskClassJustification: "Systemet ger bara information och fattar inga beslut.",
    techniques: ["LANGUAGE_PROCESSING", "GENERATIVE_AI"],
    personalData: ["ORDINARY"],
    lifecycleStage: "PILOT",
    intendedForPublication: true,
    publicContactEmail: "registrator@kommun.example",
    ...overrides,
  };
}

export function changeFor(organisation: TestOrganisation, actor: TestUser, actorRole: OrganisationRole) {
  return { actor, requestId: randomUUID(), organisationId: organisation.id, actorRole };
}

/** A use case that may be published: the required fields and an approved assessment. */
export async function createPublishableUseCase(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  admin: TestUser,
  fields: Partial<UseCaseFieldsInput> = {},
): Promise<{ id: string; version: number }> {
  const useCase = await createTestUseCase(prisma, organisation, admin, { fields: publishableFields(fields) });
  await createTestAssessment(prisma, organisation, { by: admin, status: "APPROVED", useCaseId: useCase.id });
  return useCase;
}

/** Proposes (as the editor) and publishes (as the admin) the use case's current record. */
export async function proposeAndPublish(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  people: { editor: TestUser; admin: TestUser },
  useCaseId: string,
): Promise<{ snapshotVersion: number; publicationVersion: number }> {
  return inScope(prisma, { organisationId: organisation.id }, async (tx) => {
    const current = await tx.useCasePublication.findUnique({
      where: { organisationId_useCaseId: { organisationId: organisation.id, useCaseId } },
      select: { version: true },
    });
    const proposed = await proposePublication(tx, changeFor(organisation, people.editor, "EDITOR"), {
      useCaseId,
      version: current?.version ?? 0,
      note: "Klar för publicering.",
    });
    const published = await publish(tx, changeFor(organisation, people.admin, "ADMIN"), { useCaseId, version: proposed.version });
    return { snapshotVersion: published.version, publicationVersion: published.publication.version };
  });
}

/** A new publishable use case, published. */
export async function publishTestUseCase(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  people: { editor: TestUser; admin: TestUser },
  fields: Partial<UseCaseFieldsInput> = {},
): Promise<{ useCaseId: string; snapshotVersion: number; publicationVersion: number }> {
  const { id } = await createPublishableUseCase(prisma, organisation, people.admin, fields);
  return { useCaseId: id, ...(await proposeAndPublish(prisma, organisation, people, id)) };
}
