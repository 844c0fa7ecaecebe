/** Use cases for integration tests, written through the register's own service. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/client";
import { inScope } from "@/server/db/scope";
import { type UseCaseFieldsInput, useCaseFields } from "@/server/domain/use-cases/schemas";
import { archiveUseCase, createUseCase } from "@/server/domain/use-cases/service";
import type { TestOrganisation, TestUser } from "./tenancy";

/** The fewest fields a valid use case needs, with any others given. */
export function sampleUseCaseFields(overrides: Partial<UseCaseFieldsInput> = {}): UseCaseFieldsInput {
  return {
    title: "Chattbot för invånarfrågor",
    publicSummary: "Svarar på vanliga frågor om kommunens tjänster.",
    businessArea: "Kontaktcenter",
    outputUse: "INFORMATION_ONLY",
    ...overrides,
  };
}

/** Creates a use case in `organisation` as `actor` (an ADMIN there), archived if asked. */
export async function createTestUseCase(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  actor: TestUser,
  options: { fields?: Partial<UseCaseFieldsInput>; archived?: boolean } = {},
): Promise<{ id: string; reference: string; version: number }> {
  const change = { actor, requestId: randomUUID(), organisationId: organisation.id, actorRole: "ADMIN" as const };
  return inScope(prisma, { organisationId: organisation.id }, async (tx) => {
    const created = await createUseCase(tx, change, useCaseFields.parse(sampleUseCaseFields(options.fields)));
    if (!options.archived) return { ...created, version: 1 };
    const archived = await archiveUseCase(tx, change, { id: created.id, version: 1 });
    return { ...created, version: archived.version };
  });
}
