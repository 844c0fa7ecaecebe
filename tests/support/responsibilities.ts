/** Responsibility assignments for integration tests, written through the area's own service. */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/client";
import type { ResponsibilityRole } from "@/server/db/generated/enums";
import { inScope } from "@/server/db/scope";
import { today } from "@/server/domain/assessments/dates";
import { assignInput } from "@/server/domain/responsibilities/schemas";
import { assignResponsibility } from "@/server/domain/responsibilities/service";
import type { TestOrganisation, TestUser } from "./tenancy";

/** Assigns `role` on a use case of `organisation` as `by` (an EDITOR or ADMIN there): a member (`userId`) or an external contact. */
export async function assignTestResponsibility(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  by: TestUser,
  options: {
    useCaseId: string;
    role: ResponsibilityRole;
    userId?: string;
    external?: { name: string; email?: string; roleTitle?: string };
    validFrom?: string;
    validTo?: string | null;
  },
) {
  const input = assignInput.parse({
    organisationSlug: organisation.slug,
    useCaseId: options.useCaseId,
    role: options.role,
    personKind: options.userId ? "MEMBER" : "EXTERNAL",
    userId: options.userId ?? null,
    externalName: options.external?.name ?? (options.userId ? null : "Extern Kontakt"),
    externalEmail: options.external?.email ?? null,
    externalRoleTitle: options.external?.roleTitle ?? null,
    validFrom: options.validFrom ?? today(),
    validTo: options.validTo ?? null,
  });
  const change = { actor: by, requestId: randomUUID(), organisationId: organisation.id, actorRole: "ADMIN" as const };
  return inScope(prisma, { organisationId: organisation.id, userId: by.id }, (tx) => assignResponsibility(tx, change, input));
}
