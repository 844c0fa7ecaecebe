-- Procurement decisions with requirement checklists, the shared supplier catalogue, responsibility assignments and value-chain parties.

-- CreateEnum
CREATE TYPE "ProcurementRoute" AS ENUM ('LICENCE_CALL_OFF', 'FRAMEWORK_CALL_OFF', 'DIRECT_AWARD', 'OPEN_PROCUREMENT', 'OWN_DEVELOPMENT', 'CONSULTANCY', 'CO_DEVELOPMENT');

-- CreateEnum
CREATE TYPE "ProcurementDecisionStatus" AS ENUM ('PLANNED', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RequirementStatus" AS ENUM ('NOT_ASSESSED', 'MET', 'NOT_MET', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "ResponsibilityRole" AS ENUM ('ACCOUNTABLE_OWNER', 'SYSTEM_OWNER', 'INFORMATION_OWNER', 'DATA_PROTECTION_OFFICER', 'INFORMATION_SECURITY', 'LEGAL', 'TECHNICAL_CONTACT', 'SUPPLIER_CONTACT', 'HUMAN_OVERSIGHT');

-- CreateEnum
CREATE TYPE "ValueChainHolderKind" AS ENUM ('OWN_ORGANISATION', 'SUPPLIER', 'OTHER_ORGANISATION');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "sharedWithOtherOrganisations" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Supplier" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "organisationNumber" TEXT,
    "country" TEXT NOT NULL,
    "createdByOrganisationId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplierProduct" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "supplierId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "modelProvider" TEXT,
    "model" TEXT,
    "hostingLocations" TEXT[],
    "certifications" TEXT[],
    "createdByOrganisationId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplierProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcurementDecision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "route" "ProcurementRoute" NOT NULL,
    "supplierId" UUID,
    "productId" UUID,
    "frameworkAgreementKey" TEXT,
    "estimatedValueSek" BIGINT,
    "contractStartOn" DATE,
    "contractEndOn" DATE,
    "registryNumber" TEXT,
    "status" "ProcurementDecisionStatus" NOT NULL DEFAULT 'PLANNED',
    "decidedOn" DATE,
    "decisionMaker" TEXT,
    "rationale" TEXT,
    "documentLinks" JSONB NOT NULL DEFAULT '[]',
    "legalException" TEXT,
    "legalExceptionJustification" TEXT,
    "checklistVersion" INTEGER NOT NULL,
    "riskAcceptedById" UUID,
    "riskAcceptedAt" TIMESTAMPTZ(3),
    "riskAcceptanceReason" TEXT,
    "sharedWithOtherOrganisations" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcurementDecision_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ProcurementRequirement" (
    "organisationId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "itemKey" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL,
    "status" "RequirementStatus" NOT NULL DEFAULT 'NOT_ASSESSED',
    "evidence" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcurementRequirement_pkey" PRIMARY KEY ("organisationId","decisionId","itemKey")
);

-- CreateTable
CREATE TABLE "Responsibility" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "role" "ResponsibilityRole" NOT NULL,
    "userId" UUID,
    "externalName" TEXT,
    "externalEmail" TEXT,
    "externalRoleTitle" TEXT,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "needsReassignmentSince" TIMESTAMPTZ(3),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Responsibility_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "ValueChainParty" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "role" "AiActRole" NOT NULL,
    "holderKind" "ValueChainHolderKind" NOT NULL,
    "supplierId" UUID,
    "holderName" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ValueChainParty_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Supplier_organisationNumber_key" ON "Supplier"("organisationNumber");

-- CreateIndex
CREATE INDEX "Supplier_name_idx" ON "Supplier"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierProduct_supplierId_name_key" ON "SupplierProduct"("supplierId", "name");

-- CreateIndex
CREATE INDEX "ProcurementDecision_organisationId_useCaseId_idx" ON "ProcurementDecision"("organisationId", "useCaseId");

-- CreateIndex
CREATE INDEX "ProcurementDecision_organisationId_productId_idx" ON "ProcurementDecision"("organisationId", "productId");

-- CreateIndex
CREATE INDEX "Responsibility_organisationId_useCaseId_role_idx" ON "Responsibility"("organisationId", "useCaseId", "role");

-- CreateIndex
CREATE INDEX "Responsibility_organisationId_userId_idx" ON "Responsibility"("organisationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ValueChainParty_organisationId_useCaseId_role_key" ON "ValueChainParty"("organisationId", "useCaseId", "role");

-- AddForeignKey
ALTER TABLE "SupplierProduct" ADD CONSTRAINT "SupplierProduct_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcurementDecision" ADD CONSTRAINT "ProcurementDecision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcurementDecision" ADD CONSTRAINT "ProcurementDecision_organisationId_useCaseId_fkey" FOREIGN KEY ("organisationId", "useCaseId") REFERENCES "UseCase"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcurementDecision" ADD CONSTRAINT "ProcurementDecision_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcurementDecision" ADD CONSTRAINT "ProcurementDecision_productId_fkey" FOREIGN KEY ("productId") REFERENCES "SupplierProduct"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcurementRequirement" ADD CONSTRAINT "ProcurementRequirement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcurementRequirement" ADD CONSTRAINT "ProcurementRequirement_organisationId_decisionId_fkey" FOREIGN KEY ("organisationId", "decisionId") REFERENCES "ProcurementDecision"("organisationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Responsibility" ADD CONSTRAINT "Responsibility_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Responsibility" ADD CONSTRAINT "Responsibility_organisationId_useCaseId_fkey" FOREIGN KEY ("organisationId", "useCaseId") REFERENCES "UseCase"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueChainParty" ADD CONSTRAINT "ValueChainParty_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueChainParty" ADD CONSTRAINT "ValueChainParty_organisationId_useCaseId_fkey" FOREIGN KEY ("organisationId", "useCaseId") REFERENCES "UseCase"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- At most one open-ended accountable owner per use case (the service also checks dated periods).
CREATE UNIQUE INDEX "manual_Responsibility_one_open_accountable_owner"
  ON "Responsibility" ("organisationId", "useCaseId")
  WHERE "role" = 'ACCOUNTABLE_OWNER' AND "validTo" IS NULL;

-- The supplier catalogue is shared: every organisation reads it and may add to it; the
-- service allows edits by the organisation that added an entry and by platform admins.
GRANT SELECT, INSERT, UPDATE ON "Supplier", "SupplierProduct" TO tillit_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "ProcurementDecision" TO tillit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "ProcurementRequirement" TO tillit_app;
-- Responsibilities are ended, never deleted.
GRANT SELECT, INSERT, UPDATE ON "Responsibility" TO tillit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "ValueChainParty" TO tillit_app;

ALTER TABLE "ProcurementDecision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ProcurementDecision" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ProcurementDecision"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "ProcurementRequirement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ProcurementRequirement" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ProcurementRequirement"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "Responsibility" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Responsibility" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Responsibility"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "ValueChainParty" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ValueChainParty" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ValueChainParty"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

-- The product page's one cross-organisation read: how many other organisations use a
-- product, and the approved assessments and requirement checklists their owners chose to
-- share. Three SECURITY DEFINER functions run as tillit_shared_reader, a NOLOGIN role
-- whose only policies admit reading these tables; the app role may execute the functions
-- but cannot become that role, so it reads nothing else across organisations.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillit_shared_reader') THEN
    CREATE ROLE tillit_shared_reader NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on this server created it at the same moment
END
$$;
-- The migrating role hands the functions to it (ALTER ... OWNER needs membership).
GRANT tillit_shared_reader TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO tillit_shared_reader;
GRANT SELECT ON "ProcurementDecision", "ProcurementRequirement", "Assessment", "UseCase", "Organisation" TO tillit_shared_reader;
CREATE POLICY shared_product_read ON "ProcurementDecision" FOR SELECT TO tillit_shared_reader USING (true);
CREATE POLICY shared_product_read ON "ProcurementRequirement" FOR SELECT TO tillit_shared_reader USING (true);
CREATE POLICY shared_product_read ON "Assessment" FOR SELECT TO tillit_shared_reader USING (true);
CREATE POLICY shared_product_read ON "UseCase" FOR SELECT TO tillit_shared_reader USING (true);

CREATE FUNCTION product_usage_count(product uuid, excluding uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(DISTINCT d."organisationId")::integer FROM "ProcurementDecision" d
  WHERE d."productId" = product AND d."organisationId" <> excluding
    AND d."status" IN ('PLANNED', 'APPROVED');
$$;

CREATE FUNCTION product_shared_assessments(product uuid, excluding uuid)
  RETURNS TABLE ("assessmentId" uuid, "organisationName" text, "templateKind" text, "templateVersion" integer,
                 "approvedAt" timestamptz, "approvedResult" jsonb, "useCaseTitle" text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT ON (a."id") a."id", o."name", a."templateKind"::text, a."templateVersion", a."approvedAt", a."approvedResult", u."title"
  FROM "ProcurementDecision" d
  JOIN "Assessment" a ON a."organisationId" = d."organisationId" AND a."useCaseId" = d."useCaseId"
  JOIN "UseCase" u ON u."organisationId" = d."organisationId" AND u."id" = d."useCaseId"
  JOIN "Organisation" o ON o."id" = d."organisationId"
  WHERE d."productId" = product AND d."organisationId" <> excluding
    AND d."status" IN ('PLANNED', 'APPROVED')
    AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL AND a."sharedWithOtherOrganisations";
$$;

CREATE FUNCTION product_shared_checklists(product uuid, excluding uuid)
  RETURNS TABLE ("decisionId" uuid, "organisationName" text, "route" text, "status" text, "decidedOn" date,
                 "checklistVersion" integer, "items" jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT d."id", o."name", d."route"::text, d."status"::text, d."decidedOn", d."checklistVersion",
         COALESCE((SELECT jsonb_agg(jsonb_build_object('itemKey', r."itemKey", 'required', r."required",
                                                     'status', r."status"::text, 'evidence', r."evidence") ORDER BY r."itemKey")
                   FROM "ProcurementRequirement" r
                   WHERE r."organisationId" = d."organisationId" AND r."decisionId" = d."id"), '[]'::jsonb)
  FROM "ProcurementDecision" d
  JOIN "Organisation" o ON o."id" = d."organisationId"
  WHERE d."productId" = product AND d."organisationId" <> excluding AND d."sharedWithOtherOrganisations";
$$;

-- A new owner needs CREATE on the schema at the moment of the change; it keeps none after.
GRANT CREATE ON SCHEMA public TO tillit_shared_reader;
ALTER FUNCTION product_usage_count(uuid, uuid) OWNER TO tillit_shared_reader;
ALTER FUNCTION product_shared_assessments(uuid, uuid) OWNER TO tillit_shared_reader;
ALTER FUNCTION product_shared_checklists(uuid, uuid) OWNER TO tillit_shared_reader;
REVOKE CREATE ON SCHEMA public FROM tillit_shared_reader;
REVOKE ALL ON FUNCTION product_usage_count(uuid, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION product_shared_assessments(uuid, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION product_shared_checklists(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION product_usage_count(uuid, uuid) TO tillit_app;
GRANT EXECUTE ON FUNCTION product_shared_assessments(uuid, uuid) TO tillit_app;
GRANT EXECUTE ON FUNCTION product_shared_checklists(uuid, uuid) TO tillit_app;
