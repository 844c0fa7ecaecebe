/**
 * Assessments for integration tests. `createTestAssessment` writes the rows directly (in
 * the organisation's scope) so a test can start from any status; the workflow itself is
 * exercised through the service and the API in the tests.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/db/client";
import type { AssessmentStatus, TemplateKind } from "@/server/db/generated/enums";
import { inScope } from "@/server/db/scope";
import type { TestOrganisation, TestUser } from "./tenancy";
import { createTestUseCase } from "./use-cases";

export interface TestAssessment {
  id: string;
  version: number;
  useCaseId: string;
  seriesId: string;
}

/**
 * An assessment in `status`. By default a DPIA screening of a use case without personal
 * data: one answer ("processes personal data: no") makes it complete.
 */
export async function createTestAssessment(
  prisma: PrismaClient,
  organisation: TestOrganisation,
  options: {
    /** Who answered and submitted it (so that someone else can approve). */
    by: TestUser;
    status?: AssessmentStatus;
    kind?: TemplateKind;
    useCaseId?: string;
    answers?: Record<string, string | string[]>;
    comment?: string;
  },
): Promise<TestAssessment> {
  const useCaseId = options.useCaseId ?? (await createTestUseCase(prisma, organisation, options.by)).id;
  const kind = options.kind ?? "DPIA_SCREENING";
  const answers = options.answers ?? (kind === "DPIA_SCREENING" ? { processes_personal_data: "NO" } : {});
  const status = options.status ?? "DRAFT";
  return inScope(prisma, { organisationId: organisation.id }, async (tx) => {
    const template = await tx.assessmentTemplate.findFirstOrThrow({ where: { kind }, orderBy: { version: "desc" } });
    const submitted = status !== "DRAFT";
    const row = await tx.assessment.create({
      data: {
        organisationId: organisation.id,
        useCaseId,
        templateId: template.id,
        templateKind: kind,
        templateVersion: template.version,
        seriesId: randomUUID(),
        status,
        phase: "DEVELOPMENT",
        ownerId: options.by.id,
        createdById: options.by.id,
        lastAnsweredById: options.by.id,
        lastAnsweredAt: new Date(),
        submittedAt: submitted ? new Date() : null,
        submittedById: submitted ? options.by.id : null,
        approvedAt: status === "APPROVED" ? new Date() : null,
        nextReviewOn: status === "APPROVED" ? new Date(Date.now() + 365 * 86_400_000) : null,
      },
    });
    for (const [questionKey, value] of Object.entries(answers)) {
      await tx.assessmentAnswer.create({
        data: { organisationId: organisation.id, assessmentId: row.id, questionKey, value, updatedById: options.by.id },
      });
    }
    if (options.comment) {
      await tx.assessmentComment.create({
        data: { organisationId: organisation.id, assessmentId: row.id, questionKey: null, body: options.comment, authorId: options.by.id, authorName: options.by.name },
      });
    }
    return { id: row.id, version: row.version, useCaseId, seriesId: row.seriesId };
  });
}
