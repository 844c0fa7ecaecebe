/** Procurement decisions for integration tests, written through the area's own service. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/client";
import { inScope } from "@/server/db/scope";
import { type DecisionFieldsInput, decisionFields } from "@/server/domain/procurement/schemas";
import { createDecision } from "@/server/domain/procurement/service";
import type { TestOrganisation, TestUser } from "./tenancy";
import { createTestUseCase } from "./use-cases";

/** A framework call-off of 250 000 SEK by default, with any other fields given. */
export function sampleDecisionFields(overrides: Partial<DecisionFieldsInput> = {}): DecisionFieldsInput {
  return {
    route: "FRAMEWORK_CALL_OFF",
    frameworkAgreementKey: "adda-programvaror-och-tjanster-2024",
    estimatedValueSek: 250_000,
    registryNumber: "KS 2025/123",
    rationale: "Avrop enligt ramavtalets villkor.",
    ...overrides,
  };
}

/**
 * Creates a planned decision in `organisation` as `by` (an ADMIN or EDITOR there), on
 * `overrides.useCaseId` or on a new use case.
 */
export async function createTestDecision(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  by: TestUser,
  overrides: Partial<DecisionFieldsInput> & { useCaseId?: string } = {},
): Promise<{ id: string; version: number; useCaseId: string }> {
  const { useCaseId: given, ...fields } = overrides;
  const useCaseId = given ?? (await createTestUseCase(prisma, organisation, by)).id;
  const change = { actor: by, requestId: randomUUID(), organisationId: organisation.id, actorRole: "ADMIN" as const };
  return inScope(prisma, { organisationId: organisation.id }, async (tx) => {
    const created = await createDecision(tx, change, { useCaseId, fields: decisionFields.parse(sampleDecisionFields(fields)) });
    return { ...created, useCaseId };
  });
}
