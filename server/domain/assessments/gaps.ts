/**
 * "High-risk or personal-data use cases without an approved assessment", in SQL so that
 * the status board and the register's filter count and list them without loading use
 * cases into Node. A use case has a gap when it is high-risk or processes personal data,
 * is neither archived nor retired, and a template it needs (the rules of requirements.ts,
 * restricted to such use cases) has no approved version in force.
 * tests/integration/assessments/gaps.test.ts checks that this agrees with templateNeeds().
 */
import { Prisma } from "../../db/generated/client";

const PERSONAL = Prisma.sql`ARRAY['ORDINARY','SPECIAL_CATEGORIES','CRIMINAL_OFFENCES','PERSONAL_IDENTITY_NUMBERS']::"PersonalDataCategory"[]`;

/** Rows (useCaseId, templateKind) of the templates missing an approved version, for the organisation. */
export function missingApprovalsSql(organisationId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT u."id" AS "useCaseId", needed."kind" AS "templateKind"
    FROM "UseCase" u
    CROSS JOIN LATERAL (
      SELECT 'AI_ACT_CLASSIFICATION'::"TemplateKind" AS "kind"
      UNION ALL SELECT 'TRUST_MODEL'::"TemplateKind"
      UNION ALL SELECT 'DPIA_SCREENING'::"TemplateKind" WHERE u."personalData" && ${PERSONAL}
      UNION ALL SELECT 'FRIA'::"TemplateKind"
        WHERE u."friaRequired" IS TRUE
           OR (u."riskClass" = 'HIGH_RISK' AND u."friaRequired" IS NULL
               AND u."annexIIIArea" IS NOT NULL AND u."annexIIIArea" <> 'CRITICAL_INFRASTRUCTURE')
      UNION ALL SELECT 'GENAI_GUIDELINE'::"TemplateKind" WHERE 'GENERATIVE_AI' = ANY(u."techniques")
    ) needed
    WHERE u."organisationId" = ${organisationId}::uuid
      AND u."archivedAt" IS NULL
      AND u."lifecycleStage" <> 'RETIRED'
      AND (u."riskClass" = 'HIGH_RISK' OR u."personalData" && ${PERSONAL})
      AND NOT EXISTS (
        SELECT 1 FROM "Assessment" a
        WHERE a."organisationId" = u."organisationId" AND a."useCaseId" = u."id"
          AND a."templateKind" = needed."kind" AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL
      )`;
}

/** A condition on "UseCase"."id" for the register's "missing approved assessment" filter. */
export function hasAssessmentGapCondition(organisationId: string): Prisma.Sql {
  return Prisma.sql`"id" IN (SELECT gaps."useCaseId" FROM (${missingApprovalsSql(organisationId)}) gaps)`;
}
