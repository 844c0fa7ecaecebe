-- CreateEnum
CREATE TYPE "LifecycleStage" AS ENUM ('IDEA', 'ANALYSIS', 'PILOT', 'DEVELOPMENT', 'IN_USE', 'PAUSED', 'RETIRED');

-- CreateEnum
CREATE TYPE "OutputUse" AS ENUM ('INFORMATION_ONLY', 'DECISION_SUPPORT', 'PARTLY_AUTOMATED_DECISION', 'FULLY_AUTOMATED_DECISION');

-- CreateEnum
CREATE TYPE "AiTechnique" AS ENUM ('CLASSIFICATION_OR_PREDICTION', 'LANGUAGE_PROCESSING', 'GENERATIVE_AI', 'SPEECH_TO_TEXT', 'TRANSLATION', 'IMAGE_OR_VIDEO_ANALYSIS', 'RECOMMENDATION', 'OPTIMISATION', 'ANOMALY_DETECTION', 'RULE_BASED_WITH_LEARNED_COMPONENTS', 'OTHER');

-- CreateEnum
CREATE TYPE "AffectedGroup" AS ENUM ('CITIZENS', 'BUSINESSES', 'EMPLOYEES', 'CHILDREN', 'OTHER_VULNERABLE_GROUPS');

-- CreateEnum
CREATE TYPE "AcquisitionMethod" AS ENUM ('BUILT_IN_HOUSE', 'PROCURED', 'OPEN_SOURCE', 'COLLABORATION');

-- CreateEnum
CREATE TYPE "Hosting" AS ENUM ('ON_PREMISES', 'SWEDISH_CLOUD', 'EU_EEA_CLOUD', 'THIRD_COUNTRY_CLOUD');

-- CreateEnum
CREATE TYPE "PersonalDataCategory" AS ENUM ('NONE', 'ORDINARY', 'SPECIAL_CATEGORIES', 'CRIMINAL_OFFENCES', 'PERSONAL_IDENTITY_NUMBERS');

-- CreateEnum
CREATE TYPE "AiActRole" AS ENUM ('PROVIDER', 'DEPLOYER', 'IMPORTER', 'DISTRIBUTOR', 'PRODUCT_MANUFACTURER', 'AUTHORISED_REPRESENTATIVE');

-- CreateEnum
CREATE TYPE "RiskClass" AS ENUM ('PROHIBITED', 'HIGH_RISK', 'TRANSPARENCY', 'MINIMAL', 'NOT_AN_AI_SYSTEM', 'UNDETERMINED');

-- CreateEnum
CREATE TYPE "AnnexIIIArea" AS ENUM ('BIOMETRICS', 'CRITICAL_INFRASTRUCTURE', 'EDUCATION', 'EMPLOYMENT', 'ESSENTIAL_SERVICES', 'LAW_ENFORCEMENT', 'MIGRATION_ASYLUM_BORDER', 'JUSTICE_AND_DEMOCRACY');

-- CreateTable
CREATE TABLE "UseCase" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publicSummary" TEXT NOT NULL,
    "description" TEXT,
    "registryNumber" TEXT,
    "tags" TEXT[],
    "businessArea" TEXT NOT NULL,
    "problemAndBenefit" TEXT,
    "intendedUsers" TEXT,
    "affectedGroups" "AffectedGroup"[],
    "outputUse" "OutputUse" NOT NULL,
    "humanOversight" TEXT,
    "appealProcess" TEXT,
    "legalBasis" TEXT,
    "legalReferences" JSONB NOT NULL DEFAULT '[]',
    "necessity" TEXT,
    "subsidiarity" TEXT,
    "proportionality" TEXT,
    "alternativesConsidered" TEXT,
    "consequenceOfNotDeploying" TEXT,
    "techniques" "AiTechnique"[],
    "modelsAndVersions" TEXT,
    "acquisitionMethod" "AcquisitionMethod",
    "supplierName" TEXT,
    "hosting" "Hosting",
    "dataLeavesEea" BOOLEAN,
    "dataSources" TEXT,
    "personalData" "PersonalDataCategory"[],
    "trainingData" TEXT,
    "lifecycleStage" "LifecycleStage" NOT NULL DEFAULT 'IDEA',
    "startedOn" DATE,
    "inUseSince" DATE,
    "retiredOn" DATE,
    "nextReviewOn" DATE,
    "aiActRoles" "AiActRole"[],
    "riskClass" "RiskClass" NOT NULL DEFAULT 'UNDETERMINED',
    "annexIIIArea" "AnnexIIIArea",
    "annexI" BOOLEAN NOT NULL DEFAULT false,
    "riskClassJustification" TEXT,
    "dpiaRequired" BOOLEAN,
    "dpiaDone" BOOLEAN NOT NULL DEFAULT false,
    "friaRequired" BOOLEAN,
    "friaDone" BOOLEAN NOT NULL DEFAULT false,
    "intendedForPublication" BOOLEAN NOT NULL DEFAULT false,
    "publicContactEmail" TEXT,
    "withheldFields" JSONB NOT NULL DEFAULT '{}',
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UseCase_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "UseCaseReferenceCounter" (
    "organisationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UseCaseReferenceCounter_pkey" PRIMARY KEY ("organisationId","year")
);

-- CreateIndex
CREATE INDEX "UseCase_organisationId_updatedAt_id_idx" ON "UseCase"("organisationId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "UseCase_organisationId_title_id_idx" ON "UseCase"("organisationId", "title", "id");

-- CreateIndex
CREATE INDEX "UseCase_organisationId_lifecycleStage_idx" ON "UseCase"("organisationId", "lifecycleStage");

-- CreateIndex
CREATE INDEX "UseCase_organisationId_riskClass_idx" ON "UseCase"("organisationId", "riskClass");

-- CreateIndex
CREATE UNIQUE INDEX "UseCase_organisationId_reference_key" ON "UseCase"("organisationId", "reference");

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseReferenceCounter" ADD CONSTRAINT "UseCaseReferenceCounter_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Full-text search over title, public summary and description with PostgreSQL's
-- Swedish configuration (stemming: "bedömningar" finds "bedömning"). The search
-- document is one IMMUTABLE function, so that the index and the queries use the
-- identical expression. Named manual_*: the drift check leaves it alone.
-- ---------------------------------------------------------------------------
CREATE FUNCTION use_case_search_document(title text, public_summary text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('pg_catalog.swedish', coalesce(title, '')), 'A')
        || setweight(to_tsvector('pg_catalog.swedish', coalesce(public_summary, '')), 'B')
        || setweight(to_tsvector('pg_catalog.swedish', coalesce(description, '')), 'C')
  $$;

CREATE INDEX "manual_UseCase_search" ON "UseCase"
  USING GIN (use_case_search_document("title", "publicSummary", "description"));

-- ---------------------------------------------------------------------------
-- Access: tenant tables under row-level security, like the others.
-- ---------------------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE, DELETE ON "UseCase" TO tillit_app;
GRANT SELECT, INSERT, UPDATE ON "UseCaseReferenceCounter" TO tillit_app;

ALTER TABLE "UseCase" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "UseCase" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "UseCase"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "UseCaseReferenceCounter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "UseCaseReferenceCounter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "UseCaseReferenceCounter"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

-- Note: queries run as tillit_app under RLS, where the planner will not use this GIN
-- index for `@@` (ts_match_vq is not leakproof); the search then filters the
-- organisation's own rows, found through the organisationId indexes. The index serves
-- owner-side maintenance and cross-organisation work that runs without RLS.
