-- Assessments: versioned templates (shared), assessments with per-question answers and review comments (tenant tables).

-- CreateEnum
CREATE TYPE "TemplateKind" AS ENUM ('TRUST_MODEL', 'AI_ACT_CLASSIFICATION', 'DPIA_SCREENING', 'FRIA', 'GENAI_GUIDELINE');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "AssessmentPhase" AS ENUM ('BEFORE_DEVELOPMENT', 'DEVELOPMENT', 'OPERATION', 'FOLLOW_UP');

-- CreateTable
CREATE TABLE "AssessmentTemplate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "TemplateKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "checksum" TEXT NOT NULL,
    "reviewIntervalMonths" INTEGER NOT NULL,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "templateKind" "TemplateKind" NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "seriesId" UUID NOT NULL,
    "seriesVersion" INTEGER NOT NULL DEFAULT 1,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "phase" "AssessmentPhase" NOT NULL,
    "ownerId" UUID,
    "dueOn" DATE,
    "nextReviewOn" DATE,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "approvedById" UUID,
    "supersededAt" TIMESTAMPTZ(3),
    "lastAnsweredById" UUID,
    "lastAnsweredAt" TIMESTAMPTZ(3),
    "approvedResult" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "AssessmentAnswer" (
    "organisationId" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "questionKey" TEXT NOT NULL,
    "value" JSONB,
    "comment" TEXT,
    "reference" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentAnswer_pkey" PRIMARY KEY ("organisationId","assessmentId","questionKey")
);

-- CreateTable
CREATE TABLE "AssessmentComment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "questionKey" TEXT,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "resolvedByName" TEXT,

    CONSTRAINT "AssessmentComment_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentTemplate_kind_version_key" ON "AssessmentTemplate"("kind", "version");

-- CreateIndex
CREATE INDEX "Assessment_organisationId_useCaseId_idx" ON "Assessment"("organisationId", "useCaseId");

-- CreateIndex
CREATE INDEX "Assessment_organisationId_status_templateKind_idx" ON "Assessment"("organisationId", "status", "templateKind");

-- CreateIndex
CREATE INDEX "Assessment_organisationId_ownerId_idx" ON "Assessment"("organisationId", "ownerId");

-- CreateIndex
CREATE INDEX "Assessment_organisationId_dueOn_idx" ON "Assessment"("organisationId", "dueOn");

-- CreateIndex
CREATE INDEX "Assessment_organisationId_nextReviewOn_idx" ON "Assessment"("organisationId", "nextReviewOn");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_organisationId_seriesId_seriesVersion_key" ON "Assessment"("organisationId", "seriesId", "seriesVersion");

-- CreateIndex
CREATE INDEX "AssessmentComment_organisationId_assessmentId_createdAt_idx" ON "AssessmentComment"("organisationId", "assessmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organisationId_useCaseId_fkey" FOREIGN KEY ("organisationId", "useCaseId") REFERENCES "UseCase"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "AssessmentTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAnswer" ADD CONSTRAINT "AssessmentAnswer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAnswer" ADD CONSTRAINT "AssessmentAnswer_organisationId_assessmentId_fkey" FOREIGN KEY ("organisationId", "assessmentId") REFERENCES "Assessment"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentComment" ADD CONSTRAINT "AssessmentComment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentComment" ADD CONSTRAINT "AssessmentComment_organisationId_assessmentId_fkey" FOREIGN KEY ("organisationId", "assessmentId") REFERENCES "Assessment"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Access for the application role. Templates are loaded by the schema owner (server/db/templates.ts) and only read by the app.
GRANT SELECT ON "AssessmentTemplate" TO tillit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Assessment" TO tillit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "AssessmentAnswer" TO tillit_app;
-- Comments are resolved, never deleted.
GRANT SELECT, INSERT, UPDATE ON "AssessmentComment" TO tillit_app;

ALTER TABLE "Assessment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Assessment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Assessment"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "AssessmentAnswer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AssessmentAnswer" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AssessmentAnswer"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "AssessmentComment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AssessmentComment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AssessmentComment"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());
